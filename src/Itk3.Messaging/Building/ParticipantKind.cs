namespace Itk3.Messaging.Building;

/// <summary>Whether a header participant is an organisation or a practitioner.</summary>
public enum ParticipantKind
{
    /// <summary>An Organization with an ODS code.</summary>
    Organization,

    /// <summary>A Practitioner with an SDS user id.</summary>
    Practitioner,
}
