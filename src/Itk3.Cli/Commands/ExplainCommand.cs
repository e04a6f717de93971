using System.CommandLine;
using Itk3.Messaging.Codes;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 explain</c>: what an ITK3 response code means and how a response carrying it is built.</summary>
internal static class ExplainCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var code = new Argument<string>("code") { Description = "An ITK-ResponseCodes-1 code such as 20006 or 30002; 'all' lists every code." };
        var command = new Command("explain", "Explain an ITK3 response code: level (infrastructure 1xxxx/2xxxx, business 3xxxx), positive or negative,\n" +
            "the MessageHeader.response.code, the OperationOutcome severity and issue type, and the exact display.\n\n" +
            "Examples:\n  itk3 explain 20006\n  itk3 explain all")
        {
            code,
        };
        command.SetAction(result => Run(result.GetValue(code)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string code, TextWriter output, TextWriter error)
    {
        if (code == "all")
        {
            foreach (var entry in ResponseCodes.All)
            {
                output.WriteLine($"{entry.Code}  {(entry.IsWithdrawn ? "withdrawn" : entry.IsPositive ? "positive" : "negative"),-9}  {entry.Display}");
            }

            return ExitCodes.Ok;
        }

        if (!ResponseCodes.TryGet(code, out var known))
        {
            error.WriteLine($"error: {code} is not an ITK-ResponseCodes-1 code; try 'itk3 explain all'.");
            return ExitCodes.UsageOrIo;
        }

        foreach (var line in ResponseCodeGuide.Explain(known))
        {
            output.WriteLine(line);
        }

        return ExitCodes.Ok;
    }
}
