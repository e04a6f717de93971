namespace Itk3.Gateway.Chaos.Cluster;

/// <summary>Finds the built <c>itk3.dll</c> that the tool runs as child processes.</summary>
internal static class Itk3Locator
{
    /// <summary><paramref name="explicitPath"/> when given, else the CLI built beside this tool (same configuration) in the repository.</summary>
    public static string Find(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : throw new FileNotFoundException($"--itk3 {explicitPath}: no such file");
        }

        // bin/<Configuration>/<framework>/ under bench/Itk3.Gateway.Chaos; the CLI sits under src/Itk3.Cli/bin/<Configuration>/<framework>/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!;
        for (var dir = configuration.Parent; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Itk3.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Itk3.Cli", "bin", configuration.Name, framework.Name, "itk3.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build src/Itk3.Cli -c {configuration.Name} or pass --itk3");
            }
        }

        throw new FileNotFoundException("cannot find the repository (Itk3.slnx) above the tool: pass --itk3 PATH/itk3.dll");
    }
}
