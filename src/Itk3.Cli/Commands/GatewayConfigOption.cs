using System.CommandLine;
using Itk3.Gateway.Configuration;

namespace Itk3.Cli.Commands;

/// <summary>The <c>--config</c> option shared by <c>itk3 serve</c> and <c>itk3 send</c>, and reading the node configuration it names.</summary>
internal static class GatewayConfigOption
{
    /// <summary>Creates the option.</summary>
    public static Option<FileInfo?> Create() => new("--config", "-c")
    {
        Description = "Node configuration (JSON; see samples/gateway/node.json). Without it: mailbox X26ABC1, ODS X26, embedded MESH, "
            + "SQLite under ./itk3-data, flow TOC_FHIR_IP_DISCH, pull delivery, drop folder ./itk3-data/outgoing.",
    };

    /// <summary>Reads the configuration (or the defaults, with the data folder under the current directory).</summary>
    public static GatewayOptions Read(FileInfo? file)
    {
        if (file is not null)
        {
            return GatewayOptionsLoader.Load(file.FullName);
        }

        var defaults = new GatewayOptions();
        return defaults with { DataDirectory = Path.GetFullPath(defaults.DataDirectory) };
    }
}
