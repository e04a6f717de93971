using Xunit;

namespace Itk3.Testing;

/// <summary>
/// The NHS reference material in <c>shared/itk3</c> (public copies that are read, never committed): under the folder
/// named by ITK3_SHARED, else beside the repository. Present on developer machines and in CI; tests that need it are
/// skipped with the reason where it is absent.
/// </summary>
public static class SharedMaterial
{
    /// <summary>The <c>shared/itk3</c> folder.</summary>
    public static string Itk3Folder =>
        Environment.GetEnvironmentVariable("ITK3_SHARED") is { Length: > 0 } configured
            ? Path.GetFullPath(Path.Combine(configured, "itk3"))
            : Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "itk3"));

    /// <summary>The full path of a file under <c>shared/itk3/examples</c>.</summary>
    public static string Example(string relativePath) => Path.Combine(Itk3Folder, "examples", relativePath);

    /// <summary>True when the folder exists.</summary>
    public static bool IsAvailable => Directory.Exists(Itk3Folder);

    /// <summary>Every XML file under a sub-folder (e.g. <c>examples</c>), as paths relative to <see cref="Itk3Folder"/>.</summary>
    public static IReadOnlyList<string> XmlFiles(string subfolder) =>
        IsAvailable
            ? Directory.GetFiles(Path.Combine(Itk3Folder, subfolder), "*.xml", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(Itk3Folder, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
}

/// <summary>A fact that reads <c>shared/itk3</c>: skipped with the reason where it is absent.</summary>
public sealed class RequiresSharedMaterialFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the shared material is missing.</summary>
    public RequiresSharedMaterialFactAttribute()
    {
        if (!SharedMaterial.IsAvailable)
        {
            Skip = $"{SharedMaterial.Itk3Folder} is not present.";
        }
    }
}

/// <summary>A theory that reads <c>shared/itk3</c>: skipped with the reason where it is absent.</summary>
public sealed class RequiresSharedMaterialTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the shared material is missing.</summary>
    public RequiresSharedMaterialTheoryAttribute()
    {
        if (!SharedMaterial.IsAvailable)
        {
            Skip = $"{SharedMaterial.Itk3Folder} is not present.";
        }
    }
}
