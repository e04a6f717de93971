namespace Itk3.Gateway.Transactions;

/// <summary>Groupings of <see cref="TransactionState"/> that the gateway and its read side share.</summary>
public static class TransactionStates
{
    /// <summary>States after which nothing more happens to a transaction.</summary>
    public static IReadOnlyList<TransactionState> Terminal { get; } =
        [TransactionState.Complete, TransactionState.Failed, TransactionState.TimedOut];

    /// <summary>States a person should look at.</summary>
    public static IReadOnlyList<TransactionState> NeedingAttention { get; } =
        [TransactionState.Failed, TransactionState.TimedOut];

    /// <summary>Whether nothing more happens to a transaction in this state.</summary>
    public static bool IsTerminal(this TransactionState state) => Terminal.Contains(state);
}
