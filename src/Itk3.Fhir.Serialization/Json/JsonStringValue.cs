using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// A long JSON string value (a narrative, a long text) kept as its raw content in the input, escapes included, after
/// the read checked it: the string is made only when someone reads the value. Writers read it as a string.
/// </summary>
internal sealed class JsonStringValue(ReadOnlyMemory<byte> raw) : Utf8Value(raw)
{
    /// <inheritdoc />
    public override bool IsPlainUtf8 => false;

    /// <inheritdoc />
    protected override string Decode(ReadOnlySpan<byte> bytes) => JsonStringDecoder.DecodeChecked(bytes);
}
