namespace Itk3.Gateway.Transport.Mesh;

/// <summary>Creates the temporary files large downloads wait in: owner-only (0600), deleted when closed.</summary>
public static class SpoolFiles
{
    /// <summary>Deletes spool files a killed process left in <paramref name="directory"/> (call at start, before any download).</summary>
    public static void ClearLeftovers(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var leftover in Directory.EnumerateFiles(directory, "itk3-spool-*"))
        {
            File.Delete(leftover);
        }
    }

    /// <summary>A new empty spool file in <paramref name="directory"/> (the system temporary folder when null).</summary>
    public static FileStream Create(string? directory)
    {
        var folder = directory ?? Path.GetTempPath();
        Directory.CreateDirectory(folder);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(folder, "itk3-spool-" + Path.GetRandomFileName()), options);
    }
}
