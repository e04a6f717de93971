namespace Itk3.Messaging.Correlation;

/// <summary>Where a sent message's transaction stands.</summary>
public enum TransactionState
{
    /// <summary>Waiting for the infrastructure response.</summary>
    AwaitingInfrastructure,

    /// <summary>Infrastructure done (or not requested); waiting for the business response.</summary>
    AwaitingBusiness,

    /// <summary>Every requested response arrived and none failed the transaction.</summary>
    Completed,

    /// <summary>Failed as NHS guidance defines it (see <see cref="TransactionFailure"/>).</summary>
    Failed,
}
