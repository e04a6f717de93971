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

    /// <summary>Parse options from the parsed values.</summary>
    public static ParseOptions ToParseOptions(bool lenient, int maxSizeMegabytes) =>
        new() { Strict = !lenient, MaxBytes = maxSizeMegabytes * 1024L * 1024L };

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
