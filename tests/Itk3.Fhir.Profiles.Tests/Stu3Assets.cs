using Itk3.Testing;

namespace Itk3.Fhir.Profiles.Tests;

/// <summary>
/// The NHS STU3 conformance assets (nhsconnect/STU3-FHIR-Assets) in <c>shared/stu3-fhir-assets</c>, read in place and
/// never committed: under ITK3_SHARED, else beside the repository.
/// </summary>
internal static class Stu3Assets
{
    public static string Folder =>
        Environment.GetEnvironmentVariable("ITK3_SHARED") is { Length: > 0 } configured
            ? Path.GetFullPath(Path.Combine(configured, "stu3-fhir-assets"))
            : Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "stu3-fhir-assets"));

    public static bool IsAvailable => Directory.Exists(Path.Combine(Folder, "StructureDefinitions"));

    public static string[] PackageFolders => ["StructureDefinitions", "ValueSets", "CodeSystems"];
}

/// <summary>A fact that reads the NHS STU3 assets: skipped with the reason where they are absent.</summary>
public sealed class RequiresStu3AssetsFactAttribute : FactAttribute
{
    public RequiresStu3AssetsFactAttribute()
    {
        if (!Stu3Assets.IsAvailable)
        {
            Skip = $"{Stu3Assets.Folder} is not present (the NHS STU3 assets are read in place, never committed).";
        }
    }
}
