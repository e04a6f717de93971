using System.Text;

namespace Itk3.Fhir.Serialization.Tests.Conformance;

public sealed class StuXsdValidatorTests
{
    [Fact]
    public void Accepts_a_minimal_patient_and_rejects_an_undefined_element()
    {
        if (!StuXsdValidator.IsAvailable)
        {
            Console.WriteLine($"XSD validation skipped: {FhirDefinitions.Reason}");
            return;
        }

        Assert.Empty(StuXsdValidator.Validate(Encoding.UTF8.GetBytes("<Patient xmlns=\"http://hl7.org/fhir\"><active value=\"true\"/></Patient>")));
        Assert.NotEmpty(StuXsdValidator.Validate(Encoding.UTF8.GetBytes("<Patient xmlns=\"http://hl7.org/fhir\"><colour value=\"red\"/></Patient>")));
    }
}
