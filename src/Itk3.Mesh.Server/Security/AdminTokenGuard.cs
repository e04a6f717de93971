using System.Security.Cryptography;
using System.Text;
using Itk3.Mesh.Server.Hosting;
using Itk3.Mesh.Server.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Itk3.Mesh.Server.Security;

/// <summary>Lets an admin call through only with <c>Authorization: Bearer</c> and the configured admin token (compared in constant time); else 401.</summary>
internal sealed class AdminTokenGuard(string token, ILogger logger)
{
    private const string Scheme = "Bearer ";
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Wraps an admin endpoint so it runs only for a caller with the token.</summary>
    public RequestDelegate Protect(RequestDelegate endpoint) => async context =>
    {
        if (Allows(context.Request.Headers.Authorization.ToString()))
        {
            await endpoint(context).ConfigureAwait(false);
            return;
        }

        ServerLog.Refused(logger, context.Request.Path, StatusCodes.Status401Unauthorized, "admin token missing or wrong");
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await JsonBody.WriteAsync(context, StatusCodes.Status401Unauthorized, JsonBody.Json, w =>
        {
            w.WriteStartObject();
            w.WriteString("detail", "admin endpoints need Authorization: Bearer <adminToken>");
            w.WriteEndObject();
        }).ConfigureAwait(false);
    };

    private bool Allows(string authorization)
    {
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _expected);
    }
}
