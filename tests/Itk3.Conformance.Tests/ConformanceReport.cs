namespace Itk3.Conformance.Tests;

/// <summary>Appends conformance counts to artifacts/conformance.txt so that a run's figures can be quoted.</summary>
internal static class ConformanceReport
{
    private static readonly Lock Gate = new();

    public static void Append(string line)
    {
        var folder = Path.Combine(Itk3.Testing.RepositoryPaths.Root, "artifacts");
        lock (Gate)
        {
            Directory.CreateDirectory(folder);
            File.AppendAllText(Path.Combine(folder, "conformance.txt"), $"{DateTime.UtcNow:O} {line}\n");
        }
    }
}
