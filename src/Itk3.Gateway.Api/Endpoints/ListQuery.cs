using Itk3.Gateway.Store;

namespace Itk3.Gateway.Api.Endpoints;

/// <summary>The shared list query parameters (flow, period, needs attention, paging), checked and turned into a <see cref="ListFilter{TState}"/>.</summary>
internal static class ListQuery
{
    public const int MaxPageSize = 200;

    /// <summary>The filter, or an error text naming the parameter at fault.</summary>
    public static (ListFilter<TState>? Filter, string? Error) Build<TState>(
        TState[]? state, string? flow, DateTimeOffset? from, DateTimeOffset? to, bool? needsAttention, int? page, int? pageSize)
        where TState : struct, Enum
    {
        var number = page ?? 1;
        var size = pageSize ?? 50;
        if (number < 1)
        {
            return (null, "page: must be 1 or more");
        }

        if (size is < 1 or > MaxPageSize)
        {
            return (null, $"pageSize: must be between 1 and {MaxPageSize}");
        }

        if (from is { } f && to is { } t && f > t)
        {
            return (null, "from: must not be after to");
        }

        if ((long)(number - 1) * size > int.MaxValue)
        {
            return (null, "page: too large");
        }

        return (new ListFilter<TState>
        {
            States = state is { Length: > 0 } ? state : null,
            Flow = string.IsNullOrWhiteSpace(flow) ? null : flow,
            From = from,
            To = to,
            NeedsAttention = needsAttention ?? false,
            Skip = (number - 1) * size,
            Take = size,
        }, null);
    }
}
