using System.CommandLine;
using System.Net.Http;
using Itk3.Mesh;
using Itk3.Mesh.Errors;
using Itk3.Mesh.Server.Host;

namespace Itk3.Cli.Commands;

/// <summary>
/// <c>itk3 mesh</c>: talk to any MESH API v2 endpoint (our local server, the NHS sandbox, INT or live with
/// certificates): handshake, send, inbox, download, ack, track, lookup, workflow-search.
/// </summary>
internal static class MeshCommand
{
    /// <summary>Exit code when nothing matched (lookup, workflow-search).</summary>
    public const int NotFoundExit = ExitCodes.ContentErrors;

    /// <summary>Exit code for missing or invalid options, unreadable input or unwritable output.</summary>
    public const int UsageErrorExit = ExitCodes.UsageOrIo;

    /// <summary>Exit code for a MESH error response (the status and MESH code are printed).</summary>
    public const int MeshErrorExit = 3;

    /// <summary>Exit code for a network or TLS failure.</summary>
    public const int TransportErrorExit = 4;

    /// <summary>Creates the command group with all its subcommands.</summary>
    public static Command Create()
    {
        var connection = new MeshConnectionOptions();
        var mesh = new Command("mesh", """
            Talk to a MESH mailbox over the MESH API v2 (our local server, the NHS sandbox, or INT/live with certificates).
            Connection settings come from the options below or from the environment (MESH_URL, MESH_MAILBOX,
            MESH_PASSWORD, MESH_SHARED_KEY, MESH_CERT, MESH_CERT_PASSWORD, MESH_CA, MESH_PROXY).

            Examples:
              itk3 mesh serve --config samples/mesh/mesh-server.json --data ./mesh-data
              export MESH_URL=http://127.0.0.1:8700 MESH_MAILBOX=X26ABC1 MESH_PASSWORD=password MESH_SHARED_KEY=TestKey
              itk3 mesh handshake
              itk3 mesh send --to X26ABC2 --workflow TOC_FHIR_IP_DISCH bundle.json
              itk3 mesh inbox --mailbox X26ABC2
              itk3 mesh download 0123ABCD --mailbox X26ABC2 --output bundle.json --ack
            Real MESH (INT): add --cert client.pfx --cert-password ... --ca nhs-int-ca-bundle.pem
            """);
        foreach (var command in MeshMailboxCommands.Create(connection).Concat(MeshTransferCommands.Create(connection)))
        {
            connection.AddTo(command);
            mesh.Subcommands.Add(command);
        }

        mesh.Subcommands.Add(MeshServeCommand.Create());
        mesh.Subcommands.Add(DoctorCommand.Create());
        return mesh;
    }

    /// <summary>
    /// Builds a client from the parse result and runs <paramref name="action"/>, turning failures into a one-line
    /// message on stderr and a distinct exit code.
    /// </summary>
    public static async Task<int> RunAsync(
        ParseResult result, MeshConnectionOptions connection, Func<IMeshClient, TextWriter, Task<int>> action,
        CancellationToken cancellationToken, int? chunkSize = null)
    {
        var error = result.InvocationConfiguration.Error;
        try
        {
            using var client = new MeshClient(connection.Build(result, chunkSize));
            return await action(client, result.InvocationConfiguration.Output).ConfigureAwait(false);
        }
        catch (MeshApiException ex)
        {
            var code = ex.ErrorCode.Length == 0 ? "-" : ex.ErrorCode;
            await error.WriteLineAsync(
                $"error: MESH {(int)ex.StatusCode} code {code} event {(ex.ErrorEvent.Length == 0 ? "-" : ex.ErrorEvent)}: {ex.ErrorDescription}")
                .ConfigureAwait(false);
            return MeshErrorExit;
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"error: cannot reach MESH: {ex.Message}").ConfigureAwait(false);
            return TransportErrorExit;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("error: MESH did not answer in time").ConfigureAwait(false);
            return TransportErrorExit;
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return UsageErrorExit;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return UsageErrorExit;
        }
    }
}
