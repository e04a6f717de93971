using System.Text;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Profiles.FhirPath;
using Itk3.Fhir.Serialization;

namespace Itk3.Fhir.Profiles.Tests;

public sealed class FhirPathTests
{
    private const string PatientJson = """
        {
          "resourceType": "Patient",
          "id": "p1",
          "identifier": [ { "system": "urn:a", "value": "1" }, { "system": "urn:b", "value": "2" } ],
          "name": [ { "family": "Smith", "given": [ "Ann", "Bea" ] } ],
          "gender": "female",
          "deceasedBoolean": false,
          "implicitRules": "urn:rules",
          "multipleBirthInteger": 2
        }
        """;

    private static readonly ElementNode Patient =
        FhirSerializer.Parse(Encoding.UTF8.GetBytes(PatientJson), FhirFormat.Json).Root!;

    [Theory]
    [InlineData("Patient.name.given.count() = 2", true)]
    [InlineData("name.given.first() = 'Ann' and name.given.last() = 'Bea'", true)]
    [InlineData("identifier.where(system = 'urn:b').value = '2'", true)]
    [InlineData("identifier.select(value).isDistinct()", true)]
    [InlineData("identifier.all(system.startsWith('urn:'))", true)]
    [InlineData("gender in ('male' | 'female')", true)]
    [InlineData("('male' | 'female') contains gender", true)]
    [InlineData("deceased = false", true)]
    [InlineData("deceased.is(boolean)", true)]
    [InlineData("multipleBirth > 1 and multipleBirth <= 2", true)]
    [InlineData("multipleBirth + 1 = 3 and 7 div 2 = 3 and 7 mod 2 = 1", true)]
    [InlineData("birthDate.empty() implies gender.exists()", true)]
    [InlineData("birthDate.exists() implies false", true)]
    [InlineData("name.family.matches('^Sm.th$')", true)]
    [InlineData("name.family.substring(1, 2) = 'mi'", true)]
    [InlineData("(gender = 'male') xor (gender = 'female')", true)]
    [InlineData("implicitRules.exists() and implementation.empty()", true)]
    [InlineData("name.given.tail().count() = 1", true)]
    [InlineData("children().count() > id.count()", true)]
    [InlineData("descendants().where($this = 'Bea').exists()", true)]
    [InlineData("%resource.id = 'p1' and ('#' + id) = '#p1'", true)]
    [InlineData("gender != 'female'", false)]
    [InlineData("identifier.count() = 1", false)]
    [InlineData("{}.empty()", true)]
    public void Evaluates_the_functions_and_operators_the_profiles_use(string expression, bool expected)
    {
        var result = FhirPathEvaluator.Evaluate(FhirPathParser.Parse(expression), Patient, new FhirPathEnvironment(Patient));

        Assert.Equal(expected, FhirPathEvaluator.ToBoolean(result));
    }

    [Fact]
    public void Comparison_with_an_empty_operand_is_empty_not_false()
    {
        var result = FhirPathEvaluator.Evaluate(FhirPathParser.Parse("birthDate = '2000-01-01'"), Patient, new FhirPathEnvironment(Patient));

        Assert.Null(FhirPathEvaluator.ToBoolean(result));
    }

    [Theory]
    [InlineData("name.given.soundsLike('x')")]
    [InlineData("%vs-unknown.exists()")]
    [InlineData("name.resolve().exists()")]
    public void Unsupported_functions_and_variables_throw_so_that_the_caller_reports_not_checked(string expression)
    {
        var parsed = FhirPathParser.Parse(expression);

        Assert.Throws<FhirPathException>(() => FhirPathEvaluator.Evaluate(parsed, Patient, new FhirPathEnvironment(Patient)));
    }

    [Theory]
    [InlineData("name.where(")]
    [InlineData("'unterminated")]
    [InlineData("a ## b")]
    public void Malformed_expressions_are_refused_by_the_parser(string expression)
    {
        Assert.Throws<FhirPathException>(() => FhirPathParser.Parse(expression));
    }
}
