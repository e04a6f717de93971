using Itk3.Fhir.Issues;
using Itk3.Fhir.Serialization;

namespace Itk3.Fhir.Profiles.Loading;

/// <summary>Loads conformance resources (XML or JSON files, single resources or Bundles) from files and folders into a package.</summary>
public static class ConformanceLoader
{
    /// <summary>Loads every <c>.xml</c> and <c>.json</c> file under the given files and folders; returns the files that could not be read.</summary>
    public static IReadOnlyList<Issue> LoadInto(ConformancePackage package, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(paths);
        var problems = new List<Issue>();
        foreach (var file in paths.SelectMany(Expand))
        {
            LoadFile(package, file, problems);
        }

        return problems;
    }

    /// <summary>A new package holding the resources under the given files and folders.</summary>
    public static ConformancePackage Load(IEnumerable<string> paths, out IReadOnlyList<Issue> problems)
    {
        var package = new ConformancePackage();
        problems = LoadInto(package, paths);
        return package;
    }

    private static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [path];

    private static void LoadFile(ConformancePackage package, string file, List<Issue> problems)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(ProfileIssues.PackageFileUnreadable.At(file, default, $"{file}: {e.Message}"));
            return;
        }

        var format = FhirSerializer.DetectFormat(content);
        var parsed = format is null ? null : FhirSerializer.Parse(content, format.Value, ParseOptions.Lenient with { MaxIssues = 5 });
        if (parsed?.Root is null)
        {
            var cause = parsed?.Issues.FirstOrDefault(issue => issue.IsError)?.Code ?? "format not recognised";
            problems.Add(ProfileIssues.PackageFileUnreadable.At(file, default, $"{file} is not a readable FHIR resource ({cause})"));
            return;
        }

        package.Add(parsed.Root, file);
    }
}
