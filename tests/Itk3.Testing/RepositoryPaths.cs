namespace Itk3.Testing;

/// <summary>Locates the repository and its shared test fixtures from a test's working directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding Itk3.slnx).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The folder of committed fixtures shared by tests and benchmarks.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>The full path of a committed fixture.</summary>
    public static string Fixture(string name) => Path.Combine(Fixtures, name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Itk3.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Itk3.slnx above {AppContext.BaseDirectory}.");
    }
}
