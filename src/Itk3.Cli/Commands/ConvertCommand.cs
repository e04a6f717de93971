using System.CommandLine;
using Itk3.Fhir.Serialization;
using ParseResult = System.CommandLine.ParseResult;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 convert</c>: FHIR XML to JSON and back, from a file or stdin to a file or stdout.</summary>
internal static class ConvertCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var input = new Argument<FileInfo?>("input")
        {
            Description = "The resource to convert (XML or JSON). Omit it or use - to read standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the result. Standard output when omitted." };
        var to = new Option<FhirFormat?>("--to") { Description = "Output format: json or xml. Defaults to the other format from the input's." };
        var from = FhirOptions.From();
        var compact = new Option<bool>("--compact") { Description = "Write without indentation (the default output is pretty-printed)." };
        var reading = FhirOptions.ReadingOptions();
        var command = new Command("convert", "Convert a FHIR STU3 resource between XML and JSON, losslessly.\n\n" +
            "Examples:\n  itk3 convert message.xml -o message.json\n  cat message.json | itk3 convert --to xml --compact\n  itk3 convert --lenient --drop-unknown old-dstu2.xml -o converted.json")
        {
            input, output, to, from, compact, reading.Lenient, reading.MaxSize, reading.MaxIssues, reading.DropUnknown,
        };
        command.SetAction(result => Run(
            result,
            result.GetValue(input),
            result.GetValue(output),
            result.GetValue(to),
            result.GetValue(from),
            result.GetValue(compact),
            FhirOptions.ToParseOptions(result, reading)));
        return command;
    }

    private static int Run(ParseResult result, FileInfo? input, FileInfo? output, FhirFormat? to, FhirFormat? from, bool compact, ParseOptions options)
    {
        var stdout = result.InvocationConfiguration.Output;
        var stderr = result.InvocationConfiguration.Error;
        var name = CommandInput.NameOf(input);
        var content = CommandInput.ReadAll(input, stderr, options.MaxBytes);
        var sourceFormat = content is null ? null : FhirOptions.ResolveFormat(from, content, name, stderr);
        if (content is null || sourceFormat is null)
        {
            return ExitCodes.UsageOrIo;
        }

        var parsed = FhirSerializer.Parse(content, sourceFormat.Value, options);
        if (!parsed.Success || parsed.Root is null)
        {
            IssuePrinter.WriteText(stderr, name, parsed.Issues);
            return ExitCodes.ContentErrors;
        }

        if (parsed.Issues.Count > 0)
        {
            // Lenient repairs and dropped elements are warnings the user must see, though the conversion succeeds.
            IssuePrinter.WriteText(stderr, name, parsed.Issues);
        }

        var bytes = FhirSerializer.SerializeToBytes(
            parsed.Root,
            to ?? Other(sourceFormat.Value),
            compact ? WriteOptions.Compact : WriteOptions.Pretty);
        return CommandOutput.Write(bytes, output, stdout, stderr);
    }

    private static FhirFormat Other(FhirFormat format) => format == FhirFormat.Json ? FhirFormat.Xml : FhirFormat.Json;
}
