using Itk3.Gateway.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Api.Security;

/// <summary>Refuses every request under <c>/api</c> without a valid <c>X-Api-Key</c> (before routing and body reading); the key is never logged.</summary>
internal sealed partial class ApiKeyMiddleware(RequestDelegate next, ApiKeyVerifier verifier, ILogger<ApiKeyMiddleware> logger)
{
    /// <summary>The header carrying the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>Passes authenticated and open requests on; answers 401 problem details otherwise.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var presented = context.Request.Headers[HeaderName];
        if (presented.Count == 1 && verifier.IsValid(presented[0]))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var code = presented.Count == 0 ? ApiProblemCodes.ApiKeyMissing : ApiProblemCodes.ApiKeyInvalid;
        Rejected(logger, code, context.Request.Method, context.Request.Path);
        context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        var problem = ApiProblems.Of(StatusCodes.Status401Unauthorized, code, $"send a configured API key in the {HeaderName} header");
        await problem.ExecuteAsync(context).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: {Code}")]
    private static partial void Rejected(ILogger logger, string code, string method, PathString path);
}
