using System.Text.Encodings.Web;
using Itk3.Gateway.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Itk3.Gateway.Api.Security;

/// <summary>The <c>ApiKey</c> scheme: authenticates the <c>X-Api-Key</c> header against the configured keys; challenges with 401 and forbids with 403 problem details. The key is never logged.</summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, ApiKeyVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[ApiKeyDefaults.HeaderName];
        if (presented.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = presented.Count == 1 ? verifier.Find(presented[0]) : null;
        return Task.FromResult(key is null
            ? AuthenticateResult.Fail(ApiProblemCodes.ApiKeyInvalid)
            : AuthenticateResult.Success(new AuthenticationTicket(ApiKeyPrincipal.Create(key, Scheme.Name), Scheme.Name)));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var code = Request.Headers.ContainsKey(ApiKeyDefaults.HeaderName) ? ApiProblemCodes.ApiKeyInvalid : ApiProblemCodes.ApiKeyMissing;
        Rejected(Logger, code, Request.Method, Request.Path);
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiKeyDefaults.HeaderName}\"";
        var problem = ApiProblems.Of(StatusCodes.Status401Unauthorized, code, $"send a configured API key in the {ApiKeyDefaults.HeaderName} header");
        await problem.ExecuteAsync(Context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Forbidden(Logger, ApiKeyPrincipal.NameOf(Context.User), Request.Method, Request.Path);
        var problem = ApiProblems.Of(StatusCodes.Status403Forbidden, ApiProblemCodes.ScopeMissing, "the API key does not hold the scope this route needs (see docs/gateway-api.md)");
        await problem.ExecuteAsync(Context).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: {Code}")]
    private static partial void Rejected(ILogger logger, string code, string method, PathString path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Refused {Method} {Path} to key {KeyName}: scope missing")]
    private static partial void Forbidden(ILogger logger, string keyName, string method, PathString path);
}
