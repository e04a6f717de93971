using Itk3.Mesh.Server.Configuration;
using Itk3.Mesh.Server.Hosting;
using Itk3.Mesh.Server.Protocol;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>An accepted request: the negotiated API version and, for mailbox endpoints, the authenticated mailbox.</summary>
internal sealed record MeshRequest(int Version, MeshMailboxConfig? Mailbox)
{
    public string MailboxId => Mailbox!.Id;

    /// <summary>Negotiates the version and (optionally) authenticates; on failure writes the error and returns null.</summary>
    public static async Task<MeshRequest?> AcceptAsync(HttpContext context, EndpointServices services, bool authenticate = true)
    {
        var version = ApiVersion.Negotiate(context.Request.Headers.Accept.ToString());
        if (version == 0)
        {
            await MeshErrors.WriteAsync(context, 1, StatusCodes.Status400BadRequest, "", "", "Accept header api format incorrect")
                .ConfigureAwait(false);
            return null;
        }

        if (!authenticate)
        {
            return new MeshRequest(version, null);
        }

        var pathMailbox = context.Request.RouteValues["mb"]?.ToString() ?? "";
        var (mailbox, error) = services.Authenticator.Authenticate(context.Request.Headers.Authorization.ToString(), pathMailbox);
        if (error is not null)
        {
            ServerLog.Refused(services.Logger, context.Request.Path, error.Status, error.Message);
            await MeshErrors.WriteAsync(context, version, error).ConfigureAwait(false);
            return null;
        }

        return new MeshRequest(version, mailbox);
    }

    /// <summary>A route value as text (message IDs are matched case-insensitively by the store).</summary>
    public static string Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? "";
}
