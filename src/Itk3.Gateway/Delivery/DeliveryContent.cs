namespace Itk3.Gateway.Delivery;

/// <summary>What a delivery target needs to know of a streamed payload before it sends it.</summary>
internal static class DeliveryContent
{
    /// <summary>True when the payload starts with <c>&lt;</c> (FHIR XML).</summary>
    public static bool IsXml(ReadOnlyMemory<byte> content) => !content.IsEmpty && content.Span[0] == (byte)'<';

    /// <summary>True when the payload at the stream's position starts with <c>&lt;</c> (FHIR XML); the stream is left where it was.</summary>
    public static bool IsXml(Stream content)
    {
        var start = content.Position;
        var first = content.ReadByte();
        content.Position = start;
        return first == '<';
    }
}
