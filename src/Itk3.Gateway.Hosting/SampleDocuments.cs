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

    /// <summary>The discharge summary with <paramref name="observations"/> extra Observation entries (about 560 bytes each): a large document for memory and chunking work.</summary>
    public static byte[] DischargeSummary(string documentId, DateTimeOffset date, int observations)
    {
        var small = DischargeSummary(documentId, date);
        var day = date.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        var text = new StringBuilder(Encoding.UTF8.GetString(small).TrimEnd(), small.Length + (observations * 560));
        text.Length -= 2; // the closing "]}"
        for (var i = 0; i < observations; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $$$"""
                ,{"fullUrl":"urn:uuid:{{{documentId}}}-obs-{{{i}}}","resource":{"resourceType":"Observation","id":"obs-{{{i}}}","status":"final","code":{"coding":[{"system":"http://snomed.info/sct","code":"271649006","display":"Systolic blood pressure"}],"text":"Systolic blood pressure, seated, left arm"},"subject":{"reference":"urn:uuid:{{{documentId}}}-p"},"effectiveDateTime":"{{{day}}}","valueQuantity":{"value":{{{120 + (i % 40)}}},"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"},"comment":"Measured on the ward after rest; reading {{{i}}} of the admission."}}
                """);
        }

        return Encoding.UTF8.GetBytes(text.Append("]}").ToString());
    }
}
