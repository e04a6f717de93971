using Itk3.Fhir.ElementModel;

namespace Itk3.Messaging.Reading;

/// <summary>Finds the patient a payload is about: the document's Composition.subject, else the first Patient of the payload.</summary>
public static class PayloadPatient
{
    /// <summary>The patient of the message's payload, or null.</summary>
    public static ElementNode? Of(ItkMessage? message)
    {
        if (message?.Payload?.Resource is not { } payload)
        {
            return message?.PayloadEntries.Select(e => e.Resource).FirstOrDefault(r => r?.ResourceType == "Patient");
        }

        if (payload.ResourceType == "Patient")
        {
            return payload;
        }

        if (payload.ResourceType != "Bundle")
        {
            return message.PayloadEntries.Select(e => e.Resource).FirstOrDefault(r => r?.ResourceType == "Patient");
        }

        var first = payload.Child("entry")?.Child("resource");
        return first?.ResourceType == "Composition" ? Subject(payload, first)
            : payload.ChildrenNamed("entry").Select(e => e.Child("resource")).FirstOrDefault(r => r?.ResourceType == "Patient");
    }

    /// <summary>The NHS number of the payload's patient (spaces removed), or null.</summary>
    public static string? NhsNumberOf(ItkMessage? message) => DocumentFacts.NhsNumberOf(Of(message));

    /// <summary>The Patient entry that a Composition's subject references inside its document, or null.</summary>
    public static ElementNode? Subject(ElementNode bundle, ElementNode composition) =>
        Resolve(bundle, composition.Select("subject.reference")?.Value) is { ResourceType: "Patient" } patient ? patient : null;

    /// <summary>Resolves a reference inside a Bundle: by fullUrl, or by <c>Type/id</c>; null when nothing matches.</summary>
    public static ElementNode? Resolve(ElementNode bundle, string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        foreach (var entry in bundle.ChildrenNamed("entry"))
        {
            var resource = entry.Child("resource");
            if (entry.ChildValue("fullUrl") == reference || (resource is not null && reference == $"{resource.ResourceType}/{resource.ChildValue("id")}"))
            {
                return resource;
            }
        }

        return null;
    }
}
