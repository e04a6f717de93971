namespace Itk3.Messaging.Responses;

/// <summary>The ITK3 response patterns (§10), plus the cases the flags do not define.</summary>
public enum ResponsePattern
{
    /// <summary>Flags could not be determined (unreadable message or handling keys).</summary>
    Undetermined,

    /// <summary>InfAck=true, BusAck=true: Full Acknowledgement or Technical and Business.</summary>
    TechnicalAndBusiness,

    /// <summary>InfAck=true, BusAck=false.</summary>
    TechnicalOnly,

    /// <summary>InfAck=false, BusAck=true: not defined by the specification (§19 item 3).</summary>
    BusinessOnly,

    /// <summary>InfAck=false, BusAck=false.</summary>
    FireAndForget,
}
