using Itk3.Fhir.Issues;
using Itk3.Fhir.Serialization;

namespace Itk3.Messaging.Reading;

/// <summary>The result of reading received bytes: the view (null when unreadable), the parse result and the size.</summary>
public sealed record ReadOutcome(ItkMessage? Message, ParseResult? Parse, long SizeInBytes)
{
    /// <summary>The format the content was read as, or null when it could not be detected.</summary>
    public FhirFormat? Format { get; init; }

    /// <summary>The parse issues (empty when the format could not be detected).</summary>
    public IReadOnlyList<Issue> Issues => Parse?.Issues ?? [];
}
