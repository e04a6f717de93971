using System.CommandLine;
using Itk3.Cli.Doctor;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 mesh doctor</c>: checks a node's MESH configuration end to end and explains each failure.</summary>
internal static class DoctorCommand
{
    /// <summary>Exit code when a check failed.</summary>
    public const int FailedExit = 3;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var config = GatewayConfigOption.Create();
        var sets = GatewayConfigOption.CreateSet();
        var command = new Command("doctor",
            "Check a node's MESH configuration end to end, one line per check with a stable code (D1xx certificate and key,\n"
            + "D2xx DNS and TLS, D3xx clock against the token's 2-hour window, D4xx credentials, D5xx workflow registration)\n"
            + "and what to do about each failure. Exit code 0 when nothing failed, 3 when a check failed, 2 for a bad config.\n\n"
            + "Example:\n  itk3 mesh doctor --config node.json")
        {
            config, sets,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => RunAsync(r.GetValue(config), r.GetValue(sets) ?? [], r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? file, string[] sets, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (GatewayConfigOption.TryRead(file, sets, "itk3 mesh doctor", stderr) is not { } options)
        {
            return ExitCodes.UsageOrIo;
        }

        await stdout.WriteLineAsync($"MESH doctor for mailbox {options.Mailbox} at {(options.Mesh.IsEmbedded ? "embedded" : options.Mesh.ResolvedUrl)}").ConfigureAwait(false);
        var report = new DoctorReport(stdout);
        await new MeshDoctor(options, report, TimeProvider.System).RunAsync(ct).ConfigureAwait(false);
        await stdout.WriteLineAsync(report.Failed ? "Some checks failed." : "No check failed.").ConfigureAwait(false);
        return report.Failed ? FailedExit : ExitCodes.Ok;
    }
}
