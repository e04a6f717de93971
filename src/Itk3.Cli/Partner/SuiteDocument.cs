using System.Globalization;
using System.Text;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization;

namespace Itk3.Cli.Partner;

/// <summary>A synthetic discharge document for the sender suite (no real patient data), with the knobs the defect cases turn.</summary>
internal sealed record SuiteDocument(string DocumentId, string CompositionIdentifier, string NhsNumber, string GpOdsCode, DateTimeOffset Date)
{
    /// <summary>Composition.title present (a missing title is a 20009 defect).</summary>
    public bool WithTitle { get; init; } = true;

    /// <summary>The Composition.identifier of a document this one replaces, or null.</summary>
    public string? Replaces { get; init; }

    /// <summary>The document Bundle as an element tree.</summary>
    public ElementNode ToTree()
    {
        var title = WithTitle ? ",\"title\":\"Discharge summary\"" : string.Empty;
        var replaces = Replaces is null ? string.Empty
            : $",\"relatesTo\":[{{\"code\":\"replaces\",\"targetIdentifier\":{{\"system\":\"https://tools.ietf.org/html/rfc4122\",\"value\":\"{Replaces}\"}}}}]";
        var date = Date.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        var json = $$$"""
            {"resourceType":"Bundle","id":"{{{DocumentId}}}",
             "meta":{"profile":["https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Document-Bundle-1"]},
             "identifier":{"system":"https://tools.ietf.org/html/rfc4122","value":"{{{DocumentId}}}"},
             "type":"document",
             "entry":[
              {"fullUrl":"urn:uuid:{{{DocumentId}}}-c","resource":{"resourceType":"Composition","id":"c1",
                "identifier":{"system":"https://tools.ietf.org/html/rfc4122","value":"{{{CompositionIdentifier}}}"},"status":"final",
                "type":{"coding":[{"system":"http://snomed.info/sct","code":"373942005","display":"Discharge summary"}]},
                "subject":{"reference":"urn:uuid:{{{DocumentId}}}-p"},"date":"{{{date}}}",
                "author":[{"reference":"urn:uuid:{{{DocumentId}}}-o"}]{{{title}}}{{{replaces}}}}},
              {"fullUrl":"urn:uuid:{{{DocumentId}}}-p","resource":{"resourceType":"Patient","id":"p1",
                "identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{{NhsNumber}}}"}],
                "name":[{"family":"Partner","given":["Test"]}],
                "generalPractitioner":[{"reference":"urn:uuid:{{{DocumentId}}}-g"}]}},
              {"fullUrl":"urn:uuid:{{{DocumentId}}}-g","resource":{"resourceType":"Organization","id":"g1",
                "identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"{{{GpOdsCode}}}"}]}},
              {"fullUrl":"urn:uuid:{{{DocumentId}}}-o","resource":{"resourceType":"Organization","id":"o1","name":"Partner Test Hospital"}}
             ]}
            """;
        return FhirSerializer.Parse(Encoding.UTF8.GetBytes(json), FhirFormat.Json).Root
            ?? throw new InvalidOperationException("The suite document template does not parse.");
    }
}
