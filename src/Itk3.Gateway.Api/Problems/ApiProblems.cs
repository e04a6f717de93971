using Itk3.Gateway.Api.Contracts;
using Microsoft.AspNetCore.Http;

namespace Itk3.Gateway.Api.Problems;

/// <summary>Builds RFC 7807 problem details results carrying a stable <c>code</c>.</summary>
internal static class ApiProblems
{
    /// <summary>A problem with <paramref name="status"/>, <paramref name="code"/> and a short detail (never payload content).</summary>
    public static IResult Of(int status, string code, string detail, IReadOnlyList<PayloadIssue>? issues = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (issues is not null)
        {
            extensions["issues"] = issues;
        }

        return TypedResults.Problem(detail: detail, statusCode: status, title: TitleOf(code), type: TypeOf(code), extensions: extensions);
    }

    /// <summary>400 invalid-request naming the field at fault.</summary>
    public static IResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, ApiProblemCodes.InvalidRequest, detail);

    /// <summary>404 with the not-found code of a resource.</summary>
    public static IResult NotFound(string code, string id) => Of(StatusCodes.Status404NotFound, code, $"no resource with id '{Shorten(id)}'");

    /// <summary>The <c>type</c> URI of a code: a URN naming it (docs/gateway-api.md lists them).</summary>
    public static string TypeOf(string code) => "urn:itk3:problem:" + code;

    /// <summary>The short title of a code: the code's words.</summary>
    public static string TitleOf(string code) => char.ToUpperInvariant(code[0]) + code[1..].Replace('-', ' ');

    /// <summary>The code a bare status falls back to when nothing more specific was set.</summary>
    public static string CodeForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ApiProblemCodes.ApiKeyMissing,
        StatusCodes.Status403Forbidden => ApiProblemCodes.ScopeMissing,
        StatusCodes.Status404NotFound => ApiProblemCodes.RouteNotFound,
        StatusCodes.Status405MethodNotAllowed => ApiProblemCodes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ApiProblemCodes.RequestTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ApiProblemCodes.UnsupportedMediaType,
        StatusCodes.Status503ServiceUnavailable => ApiProblemCodes.StoreUnavailable,
        >= 500 => ApiProblemCodes.InternalError,
        _ => ApiProblemCodes.InvalidRequest,
    };

    private static string Shorten(string id) => id.Length <= 100 ? id : id[..100] + "...";
}
