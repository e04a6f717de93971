namespace Itk3.Messaging.Correlation;

/// <summary>Why a transaction failed (Transfer of Care guidance, §10.5).</summary>
public enum TransactionFailure
{
    /// <summary>Not failed.</summary>
    None,

    /// <summary>A negative infrastructure response was returned.</summary>
    NegativeInfrastructure,

    /// <summary>The requested infrastructure response did not arrive in time.</summary>
    MissingInfrastructure,

    /// <summary>A negative business response with severity fatal (e.g. 30002, 30003) was returned.</summary>
    NegativeBusiness,

    /// <summary>The requested business response did not arrive in time.</summary>
    MissingBusiness,
}
