using System.CommandLine;
using Itk3.Cli.Commands;

namespace Itk3.Cli;

/// <summary>Builds the <c>itk3</c> command tree; each command group lives in its own file under Commands/.</summary>
internal static class CliApplication
{
    /// <summary>Parses the arguments and runs the chosen command, returning its exit code.</summary>
    public static Task<int> RunAsync(string[] args) => CreateRootCommand().Parse(args).InvokeAsync();

    /// <summary>The root command with every command group registered.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "itk3: build, read, validate and answer NHS ITK3 messages (FHIR STU3), and move them over MESH.");
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(RespondCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(SendCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(MeshCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create());
        root.Subcommands.Add(StoreCommand.Create());
        root.Subcommands.Add(PartnerCommand.Create());
        root.Subcommands.Add(QueueCommands.Deliveries());
        root.Subcommands.Add(QueueCommands.Outbox());
        return root;
    }
}
