using System.CommandLine;

namespace Itk3.Cli.Tests;

/// <summary>Runs the itk3 command tree in-process, capturing standard output and error.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var exitCode = CliApplication.CreateRootCommand().Parse(args).Invoke(configuration);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
