namespace Itk3.Cli.Commands;

/// <summary>Writes a command's output to a file or, when none is given, to standard output.</summary>
internal static class CommandOutput
{
    /// <summary>Writes the bytes; returns <see cref="ExitCodes.UsageOrIo"/> after a clear error when the file cannot be written.</summary>
    public static int Write(byte[] bytes, FileInfo? output, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (output is null)
            {
                stdout.Write(System.Text.Encoding.UTF8.GetString(bytes));
                stdout.WriteLine();
            }
            else
            {
                File.WriteAllBytes(output.FullName, bytes);
            }

            return ExitCodes.Ok;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write {output?.FullName}: {exception.Message}");
            return ExitCodes.UsageOrIo;
        }
    }
}
