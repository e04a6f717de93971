using System.ComponentModel;
using System.Diagnostics;

namespace Itk3.Testing;

/// <summary>
/// The official FHIR STU3 definitions and XSDs from the npm package fhir@3.3.1, fetched (not committed) by
/// <c>tools/fetch-fhir-definitions.sh</c>. The folder comes from ITK3_FHIR_DEFINITIONS, or the script is run once.
/// Where neither works (a machine with only the .NET SDK), tests that need them are skipped with the reason, unless
/// ITK3_REQUIRE_DEFINITIONS=1 (set by CI), which makes them run and fail instead.
/// </summary>
public static class FhirDefinitions
{
    private static readonly Lazy<(string? Folder, string Reason)> Located = new(Locate);

    /// <summary>True when the definitions are on disk.</summary>
    public static bool IsAvailable => Located.Value.Folder is not null;

    /// <summary>True when tests must not be skipped for want of the definitions (CI).</summary>
    public static bool AreRequired => Environment.GetEnvironmentVariable("ITK3_REQUIRE_DEFINITIONS") == "1";

    /// <summary>Why the definitions are unavailable; empty when they are available.</summary>
    public static string Reason => Located.Value.Reason;

    /// <summary>The package folder holding <c>profiles/stu3</c> and <c>schemas/stu3</c>.</summary>
    public static string Package => Located.Value.Folder ?? throw new InvalidOperationException($"The FHIR STU3 definitions are not available: {Reason}");

    /// <summary>A definition bundle such as <c>profiles-resources.json</c>.</summary>
    public static string Profile(string fileName) => Path.Combine(Package, "profiles", "stu3", fileName);

    /// <summary>The folder holding <c>fhir-single.xsd</c>.</summary>
    public static string SchemaFolder => Path.Combine(Package, "schemas", "stu3");

    private static (string?, string) Locate()
    {
        var configured = Environment.GetEnvironmentVariable("ITK3_FHIR_DEFINITIONS");
        if (!string.IsNullOrEmpty(configured))
        {
            return IsPackage(configured) ? (configured, "") : (null, $"ITK3_FHIR_DEFINITIONS={configured} holds no STU3 definitions");
        }

        var script = Path.Combine(RepositoryPaths.Root, "tools", "fetch-fhir-definitions.sh");
        try
        {
            var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
            var output = process.StandardOutput.ReadToEnd().Trim();
            var error = process.StandardError.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && IsPackage(output)
                ? (output, "")
                : (null, $"tools/fetch-fhir-definitions.sh failed ({process.ExitCode}; npm is needed): {error}");
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException)
        {
            return (null, $"could not run tools/fetch-fhir-definitions.sh: {exception.Message}");
        }
    }

    private static bool IsPackage(string folder) =>
        File.Exists(Path.Combine(folder, "schemas", "stu3", "fhir-single.xsd"))
        && File.Exists(Path.Combine(folder, "profiles", "stu3", "profiles-resources.json"));
}
