using System.CommandLine;
using Itk3.Cli.Serving;
using Itk3.Gateway.Configuration;

namespace Itk3.Cli.Commands;

/// <summary>The <c>--config</c> and <c>--set</c> options shared by <c>itk3 serve</c>, <c>itk3 send</c> and <c>itk3 config check</c>, and reading the node configuration they name.</summary>
internal static class GatewayConfigOption
{
    /// <summary>Creates the option.</summary>
    public static Option<FileInfo?> Create() => new("--config", "-c")
    {
        Description = "Node configuration (JSON; see samples/gateway/node.json). Without it: mailbox X26ABC1, ODS X26, embedded MESH, "
            + "SQLite under ./itk3-data, flow TOC_FHIR_IP_DISCH, pull delivery, drop folder ./itk3-data/outgoing. "
            + "ITK3__* environment variables override it (ITK3__MESH__PASSWORD).",
    };

    /// <summary>Creates the repeatable <c>--set key=value</c> option (the last configuration layer).</summary>
    public static Option<string[]> CreateSet() => new("--set")
    {
        Description = "Overrides one configuration value, for example --set mesh:pollInterval=00:01:00 (repeatable; ':' or '.' separates levels).",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Reads the layered configuration (file, environment, --set), with the data folder relative to the file (or the current directory).</summary>
    public static GatewayOptions Read(FileInfo? file, IReadOnlyList<string>? sets = null) => NodeConfiguration.Read(file, sets);

    /// <summary>Reads the configuration for a command; on errors prints every one to <paramref name="stderr"/> (prefixed by <paramref name="command"/>) and returns null.</summary>
    public static GatewayOptions? TryRead(FileInfo? file, IReadOnlyList<string> sets, string command, TextWriter stderr)
    {
        try
        {
            return NodeConfiguration.Read(file, sets);
        }
        catch (GatewayConfigException e)
        {
            stderr.WriteLine($"{command}: configuration error{(e.Errors.Count > 1 ? "s" : string.Empty)}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", e.Errors)}");
            return null;
        }
    }
}
