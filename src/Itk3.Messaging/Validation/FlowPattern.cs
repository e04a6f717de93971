namespace Itk3.Messaging.Validation;

/// <summary>The response pattern a payload specification sets for a flow (§10).</summary>
public enum FlowPattern
{
    /// <summary>Inf=true, Bus=true; the business response requests an infrastructure response back.</summary>
    FullAcknowledgement,

    /// <summary>Inf=true, Bus=true; the business response requests nothing back (GP Connect).</summary>
    TechnicalAndBusiness,

    /// <summary>Inf=true, Bus=false.</summary>
    TechnicalOnly,

    /// <summary>Inf=false, Bus=false.</summary>
    FireAndForget,
}
