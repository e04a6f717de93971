using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Itk3.Mesh.Server.Protocol;

/// <summary>The parsed query of an inbox listing: page size, opaque continuation and workflow filter.</summary>
internal sealed record InboxQuery(int MaxResults, long ContinueAfter, WorkflowFilter? Filter, string SelfLink)
{
    public const int MinResults = 10;
    public const int MaxAllowedResults = 5000;
    public const int DefaultResults = 500;

    /// <summary>Parses the query; returns null and sets <paramref name="failure"/> when it is invalid.</summary>
    public static InboxQuery? Parse(HttpRequest request, out ValidationFailure? failure)
    {
        var max = ParseMaxResults(request, out failure);
        if (failure is not null)
        {
            return null;
        }

        WorkflowFilter? filter = null;
        if (request.Query.TryGetValue("workflow_filter", out var filterText))
        {
            filter = WorkflowFilter.Parse(filterText.ToString());
            if (filter is null)
            {
                failure = new ValidationFailure("query", "workflow_filter", "ensure this value has 2 to 255 characters", "value_error.any_str");
                return null;
            }
        }

        var after = DecodeContinuation(request.Query["continue_from"].ToString());
        if (after < 0)
        {
            failure = new ValidationFailure("query", "continue_from", "invalid continuation token", "value_error");
            return null;
        }

        return new InboxQuery(max, after, filter, BuildSelf(request));
    }

    private static int ParseMaxResults(HttpRequest request, out ValidationFailure? failure)
    {
        failure = null;
        if (!request.Query.TryGetValue("max_results", out var text))
        {
            return DefaultResults;
        }

        if (!int.TryParse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var max))
        {
            failure = new ValidationFailure("query", "max_results", "value is not a valid integer", "type_error.integer");
        }
        else if (max < MinResults)
        {
            failure = new ValidationFailure("query", "max_results", "ensure this value is greater than or equal to 10", "value_error.number.not_ge", MinResults);
        }
        else if (max > MaxAllowedResults)
        {
            failure = new ValidationFailure("query", "max_results", "ensure this value is less than or equal to 5000", "value_error.number.not_le", MaxAllowedResults);
        }

        return max;
    }

    public static string EncodeContinuation(long sequence) =>
        WebEncoders.Base64UrlEncode(Encoding.ASCII.GetBytes("seq:" + sequence.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The link to the next page: the self link plus <c>continue_from</c>.</summary>
    public string NextLink(long lastSequence) =>
        SelfLink + (SelfLink.Contains('?') ? "&" : "?") + "continue_from=" + Uri.EscapeDataString(EncodeContinuation(lastSequence));

    private static long DecodeContinuation(string token)
    {
        if (token.Length == 0)
        {
            return 0;
        }

        try
        {
            var text = Encoding.ASCII.GetString(WebEncoders.Base64UrlDecode(token));
            return text.StartsWith("seq:", StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
        }
        catch (FormatException)
        {
            return -1;
        }
    }

    /// <summary>The request path and its raw query, less <c>continue_from</c> (as the sandbox's <c>links.self</c>).</summary>
    private static string BuildSelf(HttpRequest request)
    {
        var raw = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        var kept = raw.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("continue_from=", StringComparison.Ordinal) && p != "continue_from");
        var query = string.Join('&', kept);
        return request.PathBase + request.Path + (query.Length > 0 ? "?" + query : "");
    }
}
