using System.Globalization;
using System.Text;

namespace Itk3.Gateway.Hosting;

/// <summary>Small synthetic FHIR documents (no real patient data) for the demo, the load tool and tests.</summary>
public static class SampleDocuments
{
    /// <summary>A discharge summary document Bundle (FHIR JSON) whose Bundle id is <paramref name="documentId"/> (ids must differ per send: a repeated document id is answered 20008).</summary>
    public static byte[] DischargeSummary(string documentId, DateTimeOffset date) => Encoding.UTF8.GetBytes($$$"""
        {"resourceType":"Bundle","id":"{{{documentId}}}",
         "meta":{"profile":["https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Document-Bundle-1"]},
         "identifier":{"system":"https://tools.ietf.org/html/rfc4122","value":"{{{documentId}}}"},
         "type":"document",
         "entry":[
          {"fullUrl":"urn:uuid:{{{documentId}}}-c","resource":{"resourceType":"Composition","id":"composition-1","status":"final",
            "type":{"coding":[{"system":"http://snomed.info/sct","code":"373942005","display":"Discharge summary"}]},
            "subject":{"reference":"urn:uuid:{{{documentId}}}-p"},"date":"{{{date.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture)}}}",
            "author":[{"reference":"urn:uuid:{{{documentId}}}-o"}],"title":"Discharge summary"}},
          {"fullUrl":"urn:uuid:{{{documentId}}}-p","resource":{"resourceType":"Patient","id":"patient-1","name":[{"family":"Example","given":["Test"]}]}},
          {"fullUrl":"urn:uuid:{{{documentId}}}-o","resource":{"resourceType":"Organization","id":"organization-1","name":"Example Hospital"}}
         ]}
        """);
}
