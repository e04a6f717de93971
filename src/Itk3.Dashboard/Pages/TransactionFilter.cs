using Itk3.Gateway.Inbound;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Microsoft.AspNetCore.Http;

namespace Itk3.Dashboard.Pages;

/// <summary>The transactions page's filter, read from its POST form (so recipients, which may carry an NHS number, never appear in a URL).</summary>
internal sealed record TransactionFilter
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>The periods offered, by form value.</summary>
    public static IReadOnlyList<(string Value, string Label, TimeSpan? Span)> Periods { get; } =
        [("all", "Any time", null), ("1h", "Last hour", TimeSpan.FromHours(1)), ("24h", "Last 24 hours", TimeSpan.FromDays(1)), ("7d", "Last 7 days", TimeSpan.FromDays(7)), ("30d", "Last 30 days", TimeSpan.FromDays(30))];

    /// <summary>"out" (transactions sent) or "in" (messages received).</summary>
    public string Direction { get; init; } = "out";

    /// <summary>A state name of the direction's state type, or empty for all.</summary>
    public string State { get; init; } = "";

    /// <summary>A flow (workflow id), or empty.</summary>
    public string Flow { get; init; } = "";

    /// <summary>A period value from <see cref="Periods"/>.</summary>
    public string Period { get; init; } = "all";

    /// <summary>The recipient (out) or sending mailbox (in), or empty.</summary>
    public string Recipient { get; init; } = "";

    /// <summary>Only what needs attention.</summary>
    public bool Attention { get; init; }

    /// <summary>An id to look for (transaction id prefix, MessageHeader, MESH, local or Bundle id).</summary>
    public string Search { get; init; } = "";

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Reads the form (GET: the defaults).</summary>
    public static async Task<TransactionFilter> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return new TransactionFilter();
        }

        var form = await request.ReadFormAsync(ct).ConfigureAwait(false);
        string Field(string name) => form[name].ToString().Trim();
        return new TransactionFilter
        {
            Direction = Field("direction") == "in" ? "in" : "out",
            State = Field("state"),
            Flow = Field("flow"),
            Period = Periods.Any(p => p.Value == Field("period")) ? Field("period") : "all",
            Recipient = Field("recipient"),
            Attention = Field("attention") == "on",
            Search = Field("q"),
            Page = int.TryParse(Field("page"), out var page) && page is >= 1 and <= 100_000 ? page : 1,
        };
    }

    /// <summary>The store filter for state type <typeparamref name="TState"/> at <paramref name="now"/>.</summary>
    public ListFilter<TState> ToFilter<TState>(DateTimeOffset now)
        where TState : struct, Enum =>
        new()
        {
            States = Enum.TryParse<TState>(State, out var state) && Enum.IsDefined(state) ? [state] : null,
            Flow = Flow.Length == 0 ? null : Flow,
            From = Periods.First(p => p.Value == Period).Span is { } span ? now - span : null,
            Recipient = Recipient.Length == 0 ? null : Recipient,
            Search = Search.Length == 0 ? null : Search,
            NeedsAttention = Attention,
            Skip = (Page - 1) * PageSize,
            Take = PageSize,
        };

    /// <summary>The state names offered for the direction.</summary>
    public IReadOnlyList<string> StateNames => Direction == "in" ? Enum.GetNames<InboundState>() : Enum.GetNames<TransactionState>();
}
