using System.Runtime.CompilerServices;
using System.Text;

namespace Itk3.Messaging.Tests.Support;

/// <summary>Golden-file comparison; set ITK3_UPDATE_GOLDEN=1 to rewrite the expected files (then review the diff).</summary>
internal static class Golden
{
    public static void AssertMatches(string name, byte[] actual, [CallerFilePath] string caller = "")
    {
        var directory = Path.Combine(FindProjectDirectory(caller), "Golden");
        var path = Path.Combine(directory, name);
        if (Environment.GetEnvironmentVariable("ITK3_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(path, actual);
        }

        Assert.True(File.Exists(path), $"Golden file {name} is missing; run with ITK3_UPDATE_GOLDEN=1.");
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(path)), Encoding.UTF8.GetString(actual));
    }

    private static string FindProjectDirectory(string caller)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(caller)!); dir is not null; dir = dir.Parent)
        {
            if (dir.GetFiles("*.csproj").Length > 0)
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No test project directory above " + caller);
    }
}
