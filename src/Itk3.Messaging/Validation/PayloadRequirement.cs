namespace Itk3.Messaging.Validation;

/// <summary>What payload a flow requires (20009 otherwise).</summary>
public enum PayloadRequirement
{
    /// <summary>Any payload ITK3 allows.</summary>
    Any,

    /// <summary>Exactly one ITK-Document-Bundle-1 (Bundle type <c>document</c>); a <c>collection</c> is refused.</summary>
    Document,
}
