using System.Runtime.InteropServices;
using System.Text;

namespace Itk3.Fhir.ElementModel;

/// <summary>
/// A primitive value kept as the UTF-8 bytes it was read from (an unescaped JSON string: a base64
/// attachment, or a mid-length plain ASCII value), decoded to a string only when someone asks for it; writers copy the bytes instead.
/// </summary>
internal sealed class Utf8Value(ReadOnlyMemory<byte> utf8)
{
    private string? _text;

    /// <summary>The value's UTF-8 bytes (valid UTF-8, no escapes).</summary>
    public ReadOnlyMemory<byte> Utf8 { get; private set; } = utf8;

    /// <summary>
    /// The value as a string, decoded once; two threads may race to decode it, and both get equal strings (benign).
    /// </summary>
    public string Text => _text ??= Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>Copies the bytes out of a buffer that is about to be reused (done before the tree is handed out).</summary>
    public void Detach() => Utf8 = Utf8.ToArray();

    /// <summary>
    /// Moves the bytes from a slice of <paramref name="buffer"/>, about to be reused, to the same place in
    /// <paramref name="copy"/>, a copy of it (one copy serves every value kept from the buffer).
    /// </summary>
    public void MoveTo(byte[] buffer, byte[] copy)
    {
        if (!MemoryMarshal.TryGetArray(Utf8, out var segment) || !ReferenceEquals(segment.Array, buffer))
        {
            throw new InvalidOperationException("The value is not a slice of the buffer.");
        }

        Utf8 = copy.AsMemory(segment.Offset, segment.Count);
    }
}
