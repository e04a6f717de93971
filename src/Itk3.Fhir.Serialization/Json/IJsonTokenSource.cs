using System.Text.Json;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>The tokens of a JSON text as the tree reader reads them; the members mean what <see cref="Utf8JsonReader"/>'s do.</summary>
internal interface IJsonTokenSource
{
    /// <summary>The current token's type.</summary>
    JsonTokenType TokenType { get; }

    /// <summary>The offset of the current token's first byte (a string's opening quote).</summary>
    long TokenStartIndex { get; }

    /// <summary>The line and column (1-based; columns count UTF-16 code units) where the current token starts.</summary>
    SourcePosition Position { get; }

    /// <summary>The nesting depth of the current token (a container's start token is at its parent's depth).</summary>
    int CurrentDepth { get; }

    /// <summary>The current token's raw bytes (a string's without its quotes, still escaped).</summary>
    ReadOnlySpan<byte> ValueSpan { get; }

    /// <summary>True when the current string holds escape sequences.</summary>
    bool ValueIsEscaped { get; }

    /// <summary>True when the current string is known to be ASCII (false: not ASCII, or not known).</summary>
    bool ValueIsAscii { get; }

    /// <summary>How many leading bytes of the current string are known to be base64 alphabet characters (0: not known).</summary>
    int Base64AlphabetRun { get; }

    /// <summary>Moves to the next token; false at the end of the text.</summary>
    bool Read();

    /// <summary>True when the current string's unescaped text is <paramref name="text"/>.</summary>
    bool ValueTextEquals(ReadOnlySpan<byte> text);

    /// <summary>The current string's unescaped text.</summary>
    string? GetString();
}

/// <summary>
/// <see cref="Utf8JsonReader"/> as a token source: the reader of record, which reports every syntax error; positions
/// come from a <see cref="JsonLineIndex"/> of the same content.
/// </summary>
internal ref struct Utf8JsonTokenSource(Utf8JsonReader reader, JsonLineIndex lines) : IJsonTokenSource
{
    private readonly JsonLineIndex _lines = lines;
    private Utf8JsonReader _reader = reader;

    /// <inheritdoc />
    public readonly JsonTokenType TokenType => _reader.TokenType;

    /// <inheritdoc />
    public readonly long TokenStartIndex => _reader.TokenStartIndex;

    /// <inheritdoc />
    public readonly SourcePosition Position => _lines.At(_reader.TokenStartIndex);

    /// <inheritdoc />
    public readonly int CurrentDepth => _reader.CurrentDepth;

    /// <inheritdoc />
    public readonly ReadOnlySpan<byte> ValueSpan => _reader.ValueSpan;

    /// <inheritdoc />
    public readonly bool ValueIsEscaped => _reader.ValueIsEscaped;

    /// <inheritdoc />
    public readonly bool ValueIsAscii => false;

    /// <inheritdoc />
    public readonly int Base64AlphabetRun => 0;

    /// <inheritdoc />
    public bool Read() => _reader.Read();

    /// <inheritdoc />
    public readonly bool ValueTextEquals(ReadOnlySpan<byte> text) => _reader.ValueTextEquals(text);

    /// <inheritdoc />
    public readonly string? GetString() => _reader.GetString();
}
