using Itk3.Messaging.Building;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation;

/// <summary>
/// The payload recipients of a document: the ODS code (or other configured identifier) of each Organization and the
/// SDS user id of each Practitioner that the subject Patient's <c>generalPractitioner</c> references inside the document.
/// </summary>
public sealed class GeneralPractitionerRecipients(RecipientExtractorSettings settings) : IPayloadRecipientExtractor
{
    /// <inheritdoc />
    public IReadOnlyList<PayloadRecipient> Extract(ItkMessage message, ItkEntry payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Resource is not { ResourceType: "Bundle" } bundle || bundle.Child("entry")?.Child("resource") is not { ResourceType: "Composition" } composition
            || PayloadPatient.Subject(bundle, composition) is not { } patient)
        {
            return [];
        }

        var recipients = new List<PayloadRecipient>();
        var index = 0;
        foreach (var reference in patient.ChildrenNamed("generalPractitioner"))
        {
            var location = $"{payload.Location}.ofType(Bundle).entry.resource.ofType(Patient).generalPractitioner[{index++}]";
            var target = PayloadPatient.Resolve(bundle, reference.ChildValue("reference"));
            var (kind, systems) = target?.ResourceType switch
            {
                "Organization" => (ParticipantKind.Organization, settings.OrganizationSystems),
                "Practitioner" => (ParticipantKind.Practitioner, settings.PractitionerSystems),
                _ => (ParticipantKind.Organization, (IReadOnlyList<string>)[]),
            };
            foreach (var identifier in target?.ChildrenNamed("identifier") ?? [])
            {
                if (systems.Contains(identifier.ChildValue("system") ?? string.Empty) && identifier.ChildValue("value") is { } value)
                {
                    recipients.Add(new PayloadRecipient(kind, value, location));
                }
            }
        }

        return recipients;
    }
}
