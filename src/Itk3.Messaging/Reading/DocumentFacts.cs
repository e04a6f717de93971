using System.Security.Cryptography;
using System.Text;
using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Reading;

/// <summary>
/// What a receiver remembers of a document payload: its id (document Bundle.id), the Composition.identifier shared by
/// every version, the patient (a one-way key of the subject's NHS number, never the number itself) and the documents
/// it replaces (Composition.relatesTo code <c>replaces</c>).
/// </summary>
public sealed record DocumentFacts(string? DocumentId, string? CompositionIdentifier, string? PatientKey, IReadOnlyList<string> Replaces)
{
    /// <summary>The facts of the message's document payload, or null when the payload is not a document Bundle.</summary>
    public static DocumentFacts? Of(ItkMessage? message)
    {
        if (message?.Payload?.Resource is not { ResourceType: "Bundle" } bundle || bundle.ChildValue("type") != "document")
        {
            return null;
        }

        var composition = bundle.Child("entry")?.Child("resource");
        if (composition?.ResourceType != "Composition")
        {
            return new DocumentFacts(bundle.ChildValue("id"), null, null, []);
        }

        var replaces = composition.ChildrenNamed("relatesTo")
            .Where(r => r.ChildValue("code") == "replaces")
            .Select(r => r.Select("targetIdentifier.value")?.Value ?? r.Select("targetReference.reference")?.Value ?? string.Empty)
            .ToList();
        var nhsNumber = NhsNumberOf(PayloadPatient.Subject(bundle, composition));
        return new DocumentFacts(bundle.ChildValue("id"), composition.Select("identifier.value")?.Value, nhsNumber is null ? null : PatientKeyOf(nhsNumber), replaces);
    }

    /// <summary>The NHS number identifier value of a Patient resource, or null.</summary>
    public static string? NhsNumberOf(ElementNode? patient) =>
        patient?.ChildrenNamed("identifier").FirstOrDefault(i => i.ChildValue("system") == ItkUrls.NhsNumberSystem)?.ChildValue("value") is { } value
            ? NhsNumber.Normalize(value)
            : null;

    /// <summary>A one-way key for a patient's NHS number (SHA-256, hex), so stores can compare patients without holding the number.</summary>
    public static string PatientKeyOf(string nhsNumber) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NhsNumber.Normalize(nhsNumber))));
}
