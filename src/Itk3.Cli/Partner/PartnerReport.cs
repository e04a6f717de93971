namespace Itk3.Cli.Partner;

/// <summary>The sending partner's report: the system under test, when, and every case with its checks.</summary>
internal sealed record PartnerReport(string Target, string Workflow, DateTimeOffset Started, DateTimeOffset Finished, IReadOnlyList<CaseReport> Cases)
{
    /// <summary>Cases that passed every check.</summary>
    public int PassedCases => Cases.Count(c => c.Passed);

    /// <summary>Checks that passed, over all cases.</summary>
    public int PassedChecks => Cases.Sum(c => c.Checks.Count(k => k.Passed));

    /// <summary>All checks.</summary>
    public int TotalChecks => Cases.Sum(c => c.Checks.Count);

    /// <summary>True when every case passed.</summary>
    public bool Passed => Cases.All(c => c.Passed);
}
