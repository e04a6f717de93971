namespace Itk3.Cli.Partner;

/// <summary>The checks of one suite case.</summary>
internal sealed record CaseReport(string Id, string Title, string SpecReference, IReadOnlyList<CheckResult> Checks)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}
