using System.Text;

namespace Itk3.Fhir.Serialization.Tests.Support;

/// <summary>Compares output with a file under Golden/; ITK3_UPDATE_GOLDEN=1 rewrites the file instead (review the diff).</summary>
public static class GoldenFile
{
    public static bool Updating => Environment.GetEnvironmentVariable("ITK3_UPDATE_GOLDEN") == "1";

    public static string PathOf(string relativePath) => Path.Combine(RepositoryPaths.Golden, relativePath);

    public static byte[] Read(string relativePath) => File.ReadAllBytes(PathOf(relativePath));

    public static void AssertMatches(string relativePath, byte[] actual)
    {
        var path = PathOf(relativePath);
        if (Updating)
        {
            File.WriteAllBytes(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with ITK3_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(path)), Encoding.UTF8.GetString(actual));
    }
}
