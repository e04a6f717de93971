namespace Itk3.Messaging.Tests.Support;

/// <summary>
/// Locates the public NHS examples in <c>shared/itk3/examples</c> (never committed): <c>ITK3_SHARED</c> or the first
/// ancestor directory holding <c>shared/itk3/INDEX.md</c>. Null when they are not on this machine.
/// </summary>
internal static class SharedExamples
{
    public static string? Directory { get; } = Locate();

    public static string Path(string relative) => System.IO.Path.Combine(Directory!, relative);

    public static byte[] Read(string relative) => File.ReadAllBytes(Path(relative));

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("ITK3_SHARED") is { Length: > 0 } configured)
        {
            return System.IO.Path.Combine(configured, "itk3", "examples");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "itk3");
            if (File.Exists(System.IO.Path.Combine(candidate, "INDEX.md")))
            {
                return System.IO.Path.Combine(candidate, "examples");
            }
        }

        return null;
    }
}
