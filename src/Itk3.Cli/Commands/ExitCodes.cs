namespace Itk3.Cli.Commands;

/// <summary>The exit codes every <c>itk3</c> command uses.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The content has errors (parse or validation).</summary>
    public const int ContentErrors = 1;

    /// <summary>The command could not run: bad arguments, unreadable input, unwritable output.</summary>
    public const int UsageOrIo = 2;
}
