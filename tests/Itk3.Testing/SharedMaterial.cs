using Xunit;

namespace Itk3.Testing;

/// <summary>
/// The NHS reference material in <c>../shared/itk3</c> beside the repository (public copies that are read, never
/// committed). Present on developer machines and in CI; tests that need it are skipped where it is absent.
/// </summary>
public static class SharedMaterial
{
    /// <summary>The <c>shared/itk3</c> folder beside the repository.</summary>
    public static string Itk3Folder => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "itk3"));

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

/// <summary>A fact that reads <c>../shared/itk3</c>: skipped with the reason where it is absent.</summary>
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
