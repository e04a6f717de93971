using System.Text;

namespace Itk3.Fhir.ElementModel;

/// <summary>
/// A long primitive value kept as the bytes it was read from, decoded to a string only when someone asks for it. As
/// given here the bytes are the value's own UTF-8 (an unescaped JSON string, e.g. a base64 attachment) and writers copy
/// them; a reader may keep them in another form (a JSON string with its escapes) by overriding <see cref="Decode"/>.
/// </summary>
internal class Utf8Value(ReadOnlyMemory<byte> utf8)
{
    private string? _text;

    /// <summary>The bytes as read: the value's UTF-8 when <see cref="IsPlainUtf8"/>.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; private set; } = utf8;

    /// <summary>True when <see cref="Utf8"/> is the value's own UTF-8, which writers may copy as it is.</summary>
    public virtual bool IsPlainUtf8 => true;

    /// <summary>
    /// The value as a string, decoded once; two threads may race to decode it, and both get equal strings (benign).
    /// </summary>
    public string Text => _text ??= Decode(Utf8.Span);

    /// <summary>Copies the bytes out of a buffer that is about to be reused (done before the tree is handed out).</summary>
    public void Detach() => Utf8 = Utf8.ToArray();

    /// <summary>The string of the bytes as read (checked when they were read, so decoding cannot fail).</summary>
    protected virtual string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
