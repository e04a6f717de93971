using System.Text;
using Itk3.Testing;

namespace Itk3.Conformance.Tests;

public sealed class XsdValidatorTests
{
    [RequiresDefinitionsFact]
    public void Accepts_the_committed_discharge_summary_fixture()
    {
        var xml = File.ReadAllBytes(RepositoryPaths.Fixture("discharge-summary-document.xml"));
        Assert.Empty(Stu3XsdValidator.Instance.Validate(xml));
    }

    [RequiresDefinitionsFact]
    public void Rejects_elements_out_of_order()
    {
        var xml = Encoding.UTF8.GetBytes("<Patient xmlns=\"http://hl7.org/fhir\"><gender value=\"male\"/><active value=\"true\"/></Patient>");
        Assert.NotEmpty(Stu3XsdValidator.Instance.Validate(xml));
    }
}
