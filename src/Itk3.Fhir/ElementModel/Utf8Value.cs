using System.Text;

namespace Itk3.Fhir.ElementModel;

/// <summary>
/// A long primitive value kept as the UTF-8 bytes it was read from (an unescaped JSON string, e.g. a base64
/// attachment), decoded to a string only when someone asks for it; writers copy the bytes instead.
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
}
