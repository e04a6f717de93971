namespace Itk3.Gateway.Transactions;

/// <summary>The level of an ITK3 response (from its code: 1xxxx/2xxxx infrastructure, 3xxxx business); stored by name.</summary>
public enum ResponseLevel
{
    /// <summary>An infrastructure (technical) response.</summary>
    Infrastructure,

    /// <summary>A business response.</summary>
    Business,
}
