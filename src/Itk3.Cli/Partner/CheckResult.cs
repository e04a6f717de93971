namespace Itk3.Cli.Partner;

/// <summary>One check of one case: what was checked, the verdict, what was expected and seen, and the specification reference.</summary>
internal sealed record CheckResult(string Name, bool Passed, string Expected, string Actual, string SpecReference);
