using System.CommandLine;
using System.Globalization;
using Itk3.Gateway.Hosting.Demo;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 demo</c>: a hospital and a GP practice exchange a discharge summary over an embedded MESH; prints the timeline.</summary>
internal static class DemoCommand
{
    /// <summary>Creates the command.</summary>
    internal static Command Create()
    {
        var keep = new Option<bool>("--keep") { Description = "Keep the demo's data folder (SQLite stores and MESH data) and print where it is." };
        var command = new Command("demo",
            "Run two gateway nodes, a hospital (RR8) and a GP practice (A12345), on an embedded MESH server and send one\n"
            + "discharge summary (TOC_FHIR_IP_DISCH) under the Full Acknowledgement pattern: the practice answers with\n"
            + "infrastructure response 20013, its application reports business response 30001, and the hospital closes\n"
            + "with its own 20013. The whole exchange is printed as a timeline. Nothing leaves this machine.\n\n"
            + "Example:\n  itk3 demo")
        {
            keep,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => RunAsync(r.GetValue(keep), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }

    private static async Task<int> RunAsync(bool keep, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("itk3-demo-").FullName;
        try
        {
            var timeline = await DemoExchange.RunAsync(folder, line => stdout.WriteLine($"  · {line}"), ct).ConfigureAwait(false);
            Print(stdout, timeline);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or IOException)
        {
            await stderr.WriteLineAsync($"itk3 demo: {e.Message}").ConfigureAwait(false);
            return ExitCodes.ContentErrors;
        }
        finally
        {
            if (keep)
            {
                stdout.WriteLine($"Data kept in {folder}");
            }
            else
            {
                TryDelete(folder);
            }
        }
    }

    private static void Print(TextWriter stdout, IReadOnlyList<TimelineEntry> timeline)
    {
        stdout.WriteLine();
        stdout.WriteLine("   time  node      code   event");
        stdout.WriteLine("  ------ --------- ------ ------------------------------------------------------------");
        var start = timeline[0].At;
        foreach (var entry in timeline)
        {
            var ms = (entry.At - start).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
            var node = entry.Node == "hospital" ? "HOSPITAL " : "GP       ";
            stdout.WriteLine($"  {ms,5}ms {node} {entry.Code ?? string.Empty,-6} {entry.What}");
        }

        stdout.WriteLine();
        stdout.WriteLine("Full Acknowledgement complete: 20013 (infrastructure), 30001 (business), closing 20013 from the hospital.");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
