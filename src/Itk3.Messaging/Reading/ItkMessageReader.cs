using Itk3.Fhir.Serialization;

namespace Itk3.Messaging.Reading;

/// <summary>Reads received bytes (XML or JSON) into a tolerant <see cref="ItkMessage"/> view.</summary>
public static class ItkMessageReader
{
    /// <summary>Parse options that tolerate what real senders do (element order, empty elements) as warnings.</summary>
    public static ParseOptions TolerantOptions { get; } = ParseOptions.Lenient;

    /// <summary>Parses bytes (format detected when not given) and wraps the tree; the message is null when nothing could be read.</summary>
    public static ReadOutcome Read(ReadOnlyMemory<byte> content, FhirFormat? format = null, ParseOptions? options = null)
    {
        var detected = format ?? FhirSerializer.DetectFormat(content.Span);
        if (detected is null)
        {
            return new ReadOutcome(null, null, content.Length);
        }

        var parsed = FhirSerializer.Parse(content, detected.Value, options ?? TolerantOptions);
        var message = parsed.Root is null ? null : new ItkMessage(parsed.Root);
        return new ReadOutcome(message, parsed, content.Length) { Format = detected };
    }
}
