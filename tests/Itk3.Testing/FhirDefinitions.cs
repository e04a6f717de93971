using System.Diagnostics;

namespace Itk3.Testing;

/// <summary>
/// The official FHIR STU3 definitions and XSDs from the npm package fhir@3.3.1, fetched (not committed) by
/// <c>tools/fetch-fhir-definitions.sh</c>. The folder comes from ITK3_FHIR_DEFINITIONS, or the script is run once.
/// </summary>
public static class FhirDefinitions
{
    private static readonly Lazy<string> PackagePath = new(Locate);

    /// <summary>The package folder holding <c>profiles/stu3</c> and <c>schemas/stu3</c>.</summary>
    public static string Package => PackagePath.Value;

    /// <summary>A definition bundle such as <c>profiles-resources.json</c>.</summary>
    public static string Profile(string fileName) => Path.Combine(Package, "profiles", "stu3", fileName);

    /// <summary>The folder holding <c>fhir-single.xsd</c>.</summary>
    public static string SchemaFolder => Path.Combine(Package, "schemas", "stu3");

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("ITK3_FHIR_DEFINITIONS");
        if (!string.IsNullOrEmpty(configured) && Directory.Exists(configured))
        {
            return configured;
        }

        var script = Path.Combine(RepositoryPaths.Root, "tools", "fetch-fhir-definitions.sh");
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start bash.");
        var output = process.StandardOutput.ReadToEnd().Trim();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !Directory.Exists(output))
        {
            throw new InvalidOperationException($"tools/fetch-fhir-definitions.sh failed ({process.ExitCode}): {error}");
        }

        return output;
    }
}
