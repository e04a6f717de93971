using System.Diagnostics;
using Itk3.Fhir.Serialization.Tests.Support;

namespace Itk3.Fhir.Serialization.Tests.Conformance;

/// <summary>
/// Locates the official FHIR STU3 package (npm fhir@3.3.1): from ITK3_FHIR_DEFINITIONS, or by running
/// tools/fetch-fhir-definitions.sh once (npm must be reachable). Null with a reason when neither works.
/// </summary>
public static class FhirDefinitions
{
    private static readonly Lazy<(string? Folder, string Reason)> Located = new(Locate);

    /// <summary>The package folder holding schemas/ and profiles/, or null.</summary>
    public static string? Folder => Located.Value.Folder;

    /// <summary>Why the folder could not be found.</summary>
    public static string Reason => Located.Value.Reason;

    private static (string?, string) Locate()
    {
        var configured = Environment.GetEnvironmentVariable("ITK3_FHIR_DEFINITIONS");
        if (!string.IsNullOrEmpty(configured))
        {
            return HasXsd(configured) ? (configured, string.Empty) : (null, $"ITK3_FHIR_DEFINITIONS={configured} holds no schemas/stu3/fhir-single.xsd");
        }

        var script = Path.Combine(RepositoryPaths.Root, "tools", "fetch-fhir-definitions.sh");
        try
        {
            using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && HasXsd(output) ? (output, string.Empty) : (null, $"{script} failed with exit code {process.ExitCode}");
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (null, $"could not run {script}: {exception.Message}");
        }
    }

    private static bool HasXsd(string folder) => File.Exists(Path.Combine(folder, "schemas", "stu3", "fhir-single.xsd"));
}
