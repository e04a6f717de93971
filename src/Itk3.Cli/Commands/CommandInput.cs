namespace Itk3.Cli.Commands;

/// <summary>Reads a command's input from a file or, for <c>-</c> or no file, from standard input.</summary>
internal static class CommandInput
{
    /// <summary>The display name of an input: the path, or <c>stdin</c>.</summary>
    public static string NameOf(FileInfo? file) => file is null || file.Name == "-" ? "stdin" : file.FullName;

    /// <summary>
    /// Reads all bytes, or returns null after printing a clear error when the file cannot be read. With
    /// <paramref name="maxBytes"/>, reading stops one byte past the limit, so that an oversized input is never held
    /// whole (the parser then reports it as too large).
    /// </summary>
    public static byte[]? ReadAll(FileInfo? file, TextWriter error, long? maxBytes = null)
    {
        try
        {
            using var source = file is null || file.Name == "-" ? Console.OpenStandardInput() : File.OpenRead(file.FullName);
            using var buffer = new MemoryStream();
            if (maxBytes is { } limit)
            {
                CopyAtMost(source, buffer, limit + 1);
            }
            else
            {
                source.CopyTo(buffer);
            }

            return buffer.ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read {NameOf(file)}: {exception.Message}");
            return null;
        }
    }

    private static void CopyAtMost(Stream source, Stream target, long count)
    {
        var chunk = new byte[81920];
        int read;
        while (count > 0 && (read = source.Read(chunk, 0, (int)Math.Min(chunk.Length, count))) > 0)
        {
            target.Write(chunk, 0, read);
            count -= read;
        }
    }
}
