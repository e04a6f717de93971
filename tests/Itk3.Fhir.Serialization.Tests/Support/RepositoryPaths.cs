using System.Runtime.CompilerServices;

namespace Itk3.Fhir.Serialization.Tests.Support;

/// <summary>Source-tree paths, found from this file's compile-time location so golden files can be rewritten in place.</summary>
public static class RepositoryPaths
{
    /// <summary>The test project's source folder.</summary>
    public static string TestProject { get; } = Path.GetFullPath(Path.Combine(ThisFolder(), ".."));

    /// <summary>The repository root.</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Combine(TestProject, "..", ".."));

    /// <summary>The folder of golden files.</summary>
    public static string Golden { get; } = Path.Combine(TestProject, "Golden");

    private static string ThisFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
