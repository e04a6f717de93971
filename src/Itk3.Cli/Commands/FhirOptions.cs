using System.CommandLine;
using Itk3.Fhir.Serialization;

namespace Itk3.Cli.Commands;

/// <summary>Options shared by the commands that read FHIR content.</summary>
internal static class FhirOptions
{
    /// <summary>The <c>--from</c> option: the input format, detected from the content when omitted.</summary>
    public static Option<FhirFormat?> From() => new("--from")
    {
        Description = "Input format: json or xml. Detected from the first character when omitted.",
    };

    /// <summary>The <c>--lenient</c> option: accept known real-world defects with warnings.</summary>
    public static Option<bool> Lenient() => new("--lenient")
    {
        Description = "Accept known real-world defects (out-of-order elements, single values for arrays, empty elements) as warnings instead of errors.",
    };

    /// <summary>The <c>--max-size</c> option in megabytes.</summary>
    public static Option<int> MaxSizeMegabytes() => new("--max-size")
    {
        Description = "Largest input accepted, in megabytes.",
        DefaultValueFactory = _ => 100,
    };

    /// <summary>The <c>--max-issues</c> option: the most issues listed per input.</summary>
    public static Option<int> MaxIssues() => new("--max-issues")
    {
        Description = "Most issues listed per input; the rest are counted in one closing issues-truncated line.",
        DefaultValueFactory = _ => ParseOptions.Default.MaxIssues,
    };

    /// <summary>The <c>--drop-unknown</c> option: drop elements unknown to STU3 with a warning each.</summary>
    public static Option<bool> DropUnknown() => new("--drop-unknown")
    {
        Description = "Drop elements STU3 does not define (e.g. DSTU2 leftovers), with an element-dropped warning for each.",
    };

    /// <summary>Parse options from the parsed values.</summary>
    public static ParseOptions ToParseOptions(bool lenient, int maxSizeMegabytes, int maxIssues, bool dropUnknown) =>
        new() { Strict = !lenient, MaxBytes = maxSizeMegabytes * 1024L * 1024L, MaxIssues = Math.Max(1, maxIssues), DropUnknownElements = dropUnknown };

    /// <summary>The options <c>check</c> and <c>convert</c> share.</summary>
    public static (Option<bool> Lenient, Option<int> MaxSize, Option<int> MaxIssues, Option<bool> DropUnknown) ReadingOptions() =>
        (Lenient(), MaxSizeMegabytes(), MaxIssues(), DropUnknown());

    /// <summary>Parse options from the shared reading options of a parsed command line.</summary>
    public static ParseOptions ToParseOptions(
        System.CommandLine.ParseResult result, (Option<bool> Lenient, Option<int> MaxSize, Option<int> MaxIssues, Option<bool> DropUnknown) options) =>
        ToParseOptions(result.GetValue(options.Lenient), result.GetValue(options.MaxSize), result.GetValue(options.MaxIssues), result.GetValue(options.DropUnknown));

    /// <summary>The input format: the one given, else detected; null (after an error message) when neither works.</summary>
    public static FhirFormat? ResolveFormat(FhirFormat? given, byte[] content, string inputName, TextWriter error)
    {
        var format = given ?? FhirSerializer.DetectFormat(content);
        if (format is null)
        {
            error.WriteLine($"error: cannot tell whether {inputName} is JSON or XML; use --from json|xml.");
        }

        return format;
    }
}
