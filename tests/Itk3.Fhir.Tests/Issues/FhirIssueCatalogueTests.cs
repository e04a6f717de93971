using Itk3.Fhir.Issues;

namespace Itk3.Fhir.Tests.Issues;

public sealed class FhirIssueCatalogueTests
{
    [Fact]
    public void Codes_are_unique_and_kebab_case()
    {
        var codes = FhirIssues.All.Select(definition => definition.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[a-z]+(-[a-z]+)*$", code));
    }

    [Fact]
    public void Tolerable_defects_are_warnings_when_lenient_and_keep_their_severity_when_strict()
    {
        var tolerable = FhirIssues.ElementOutOfOrder;
        var fatal = FhirIssues.JsonMalformed;

        Assert.Equal(IssueSeverity.Warning, tolerable.At("X", default, "m", lenient: true).Severity);
        Assert.Equal(IssueSeverity.Error, tolerable.At("X", default, "m", lenient: false).Severity);
        Assert.Equal(IssueSeverity.Fatal, fatal.At("X", default, "m", lenient: true).Severity);
    }

    [Fact]
    public void The_user_documentation_lists_every_code()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder!.FullName, "Itk3.slnx")))
        {
            folder = folder.Parent;
        }

        var documentation = File.ReadAllText(Path.Combine(folder.FullName, "docs", "fhir.md"));
        Assert.All(FhirIssues.All, definition => Assert.Contains($"`{definition.Code}`", documentation));
    }
}
