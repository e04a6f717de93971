namespace Itk3.Messaging.Codes;

/// <summary>Which handling flag requests a response: infrastructure (1xxxx/2xxxx) or business (3xxxx).</summary>
public enum ResponseLevel
{
    /// <summary>Infrastructure (technical) level, requested by <c>InfAckRequested</c>.</summary>
    Infrastructure,

    /// <summary>Business level, requested by <c>BusAckRequested</c>.</summary>
    Business,
}
