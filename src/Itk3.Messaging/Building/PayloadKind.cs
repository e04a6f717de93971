namespace Itk3.Messaging.Building;

/// <summary>How the payload travels in the message bundle.</summary>
public enum PayloadKind
{
    /// <summary>An inner document Bundle (ITK-Document-Bundle-1).</summary>
    Document,

    /// <summary>An inner non-document Bundle (ITK-Payload-Bundle-1).</summary>
    Bundle,

    /// <summary>One or more resources directly in the message bundle; focus points at the first.</summary>
    Resources,
}
