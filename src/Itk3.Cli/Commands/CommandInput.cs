namespace Itk3.Cli.Commands;

/// <summary>Reads a command's input from a file or, for <c>-</c> or no file, from standard input.</summary>
internal static class CommandInput
{
    /// <summary>The display name of an input: the path, or <c>stdin</c>.</summary>
    public static string NameOf(FileInfo? file) => file is null || file.Name == "-" ? "stdin" : file.FullName;

    /// <summary>Reads all bytes, or returns null after printing a clear error when the file cannot be read.</summary>
    public static byte[]? ReadAll(FileInfo? file, TextWriter error)
    {
        try
        {
            if (file is null || file.Name == "-")
            {
                using var buffer = new MemoryStream();
                Console.OpenStandardInput().CopyTo(buffer);
                return buffer.ToArray();
            }

            return File.ReadAllBytes(file.FullName);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read {NameOf(file)}: {exception.Message}");
            return null;
        }
    }
}
