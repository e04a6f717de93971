namespace Itk3.Gateway.Configuration;

/// <summary>The scopes an API key can hold: what its holder may do through the HTTP API and the dashboard.</summary>
public static class ApiScopes
{
    /// <summary>Submit payloads (<c>POST /api/v1/transactions</c>) and pull deliveries.</summary>
    public const string Submit = "submit";

    /// <summary>Read transactions, received messages, payloads, queues and health; log in to the dashboard.</summary>
    public const string Read = "read";

    /// <summary>Operator actions: requeue or resolve deliveries and outbox items, report business outcomes.</summary>
    public const string Operate = "operate";

    /// <summary>Everything: a key with <c>admin</c> holds every other scope too.</summary>
    public const string Admin = "admin";

    /// <summary>Every scope, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Submit, Read, Operate, Admin];

    /// <summary>Whether <paramref name="scope"/> is one of <see cref="All"/> (exact, lower-case).</summary>
    public static bool IsKnown(string? scope) => scope is not null && All.Contains(scope, StringComparer.Ordinal);

    /// <summary>The scopes a key with <paramref name="granted"/> effectively holds (<c>admin</c> expands to all).</summary>
    public static IReadOnlyList<string> Effective(IReadOnlyList<string> granted) =>
        granted.Contains(Admin, StringComparer.Ordinal) ? All : [.. granted.Distinct(StringComparer.Ordinal)];
}
