using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using Itk3.Fhir.Serialization.Json;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// An <see cref="XmlReader"/> over UTF-8 bytes for the XML that FHIR systems write: UTF-8, no DTD, default namespaces
/// only, no CDATA, no processing instructions, no carriage returns, and no comments inside the root element. It gives
/// the same nodes, values and line positions as <see cref="XmlReader.Create(Stream, XmlReaderSettings)"/> with
/// <see cref="FhirXmlReader"/>'s settings, at a fraction of the cost (no transcoding of markup, no node objects).
/// Anything else, well-formed or not, throws <see cref="LeanXmlFallbackException"/>: the caller takes back what it
/// read and reads the input again with the framework's reader, which then reports any defect exactly as before.
/// </summary>
internal sealed partial class LeanXmlReader : XmlReader, IXmlLineInfo
{
    private readonly byte[] _data;
    private readonly int _start;
    private readonly int _end;
    private readonly XmlNameTable _names;
    private readonly AsciiTable<bool> _atoms;
    private readonly string _xmlnsNs;
    private readonly string _xmlns;
    private int _pos;
    private ReadState _state = ReadState.Initial;
    private bool _rootClosed;

    // The current node.
    private XmlNodeType _nodeType;
    private string _localName = string.Empty;
    private string _namespace = string.Empty;
    private int _depth;
    private bool _isEmpty;
    private int _nodeOffset;
    private int _valueStart;
    private int _valueEnd;
    private bool _valueHasReferences;
    private string? _value;

    // The open elements: name bytes and default namespace in scope inside each.
    private int[] _openStart = new int[32];
    private int[] _openLength = new int[32];
    private string[] _openName = new string[32];
    private string[] _openNamespace = new string[32];
    private int _openCount;

    // The current element's attributes; -1 when the reader is on the element itself.
    private Attribute[] _attributes = new Attribute[8];
    private int _attributeCount;
    private int _attributeIndex = -1;

    // Line positions: lines counted up to _lineScanned, the start of the line it is on.
    private int _lineScanned;
    private int _line = 1;
    private int _lineStart;

    private char[] _decoded = new char[256];

    /// <summary>A reader over <paramref name="content"/>, atomising names in <paramref name="names"/> through <paramref name="atoms"/> (their bytes, kept with the name table).</summary>
    public LeanXmlReader(ReadOnlyMemory<byte> content, XmlNameTable names, AsciiTable<bool> atoms)
    {
        if (MemoryMarshal.TryGetArray(content, out var segment))
        {
            (_data, _start, _end) = (segment.Array!, segment.Offset, segment.Offset + segment.Count);
        }
        else
        {
            (_data, _start, _end) = (content.ToArray(), 0, content.Length);
        }

        _names = names;
        _atoms = atoms;
        _xmlnsNs = names.Add(FhirXmlNames.XmlnsNamespace);
        _xmlns = names.Add("xmlns");
        if (Input.StartsWith(Utf8Bom))
        {
            _start += Utf8Bom.Length;
        }

        _pos = _start;
        _lineScanned = _lineStart = _start;
        CheckCharacters(_data.AsSpan(_start, _end - _start));
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private ReadOnlySpan<byte> Input => _data.AsSpan(_start, _end - _start);

    /// <inheritdoc />
    public override XmlNodeType NodeType => _attributeIndex < 0 ? _nodeType : XmlNodeType.Attribute;

    /// <inheritdoc />
    public override string LocalName => _attributeIndex < 0 ? _localName : _attributes[_attributeIndex].LocalName;

    /// <inheritdoc />
    public override string Name => LocalName;

    /// <inheritdoc />
    public override string NamespaceURI => _attributeIndex < 0 ? _namespace : _attributes[_attributeIndex].Namespace;

    /// <inheritdoc />
    public override string Prefix => string.Empty;

    /// <inheritdoc />
    public override string Value => _attributeIndex < 0 ? NodeValue() : AttributeValue(ref _attributes[_attributeIndex]);

    /// <inheritdoc />
    public override int Depth => _attributeIndex < 0 ? _depth : _depth + 1;

    /// <inheritdoc />
    public override string BaseURI => string.Empty;

    /// <inheritdoc />
    public override bool IsEmptyElement => _attributeIndex < 0 && _nodeType == XmlNodeType.Element && _isEmpty;

    /// <inheritdoc />
    public override int AttributeCount => _nodeType == XmlNodeType.Element ? _attributeCount : 0;

    /// <inheritdoc />
    public override bool EOF => _state == ReadState.EndOfFile;

    /// <inheritdoc />
    public override ReadState ReadState => _state;

    /// <inheritdoc />
    public override XmlNameTable NameTable => _names;

    /// <inheritdoc />
    public int LineNumber => LineAt(Offset(), out _);

    /// <inheritdoc />
    public int LinePosition
    {
        get
        {
            var offset = Offset();
            LineAt(offset, out var lineStart);
            var before = _data.AsSpan(lineStart, offset - lineStart);
            return 1 + Encoding.UTF8.GetCharCount(before);
        }
    }

    /// <inheritdoc />
    public bool HasLineInfo() => true;

    /// <inheritdoc />
    public override bool Read()
    {
        _attributeIndex = -1;
        _value = null;
        switch (_state)
        {
            case ReadState.Initial:
                _state = ReadState.Interactive;
                ReadProlog();
                break;
            case ReadState.Interactive when _rootClosed:
                return ReadEpilog();
            case ReadState.Interactive:
                ReadContent();
                break;
            default:
                return false;
        }

        return true;
    }

    /// <inheritdoc />
    public override bool MoveToFirstAttribute()
    {
        if (_nodeType != XmlNodeType.Element || _attributeCount == 0)
        {
            return false;
        }

        _attributeIndex = 0;
        return true;
    }

    /// <inheritdoc />
    public override bool MoveToNextAttribute()
    {
        if (_nodeType != XmlNodeType.Element || _attributeIndex + 1 >= _attributeCount)
        {
            return false;
        }

        _attributeIndex++;
        return true;
    }

    /// <inheritdoc />
    public override bool MoveToElement()
    {
        var moved = _attributeIndex >= 0;
        _attributeIndex = -1;
        return moved;
    }

    /// <inheritdoc />
    public override bool MoveToAttribute(string name)
    {
        var index = IndexOfAttribute(name, string.Empty);
        _attributeIndex = index >= 0 ? index : _attributeIndex;
        return index >= 0;
    }

    /// <inheritdoc />
    public override bool MoveToAttribute(string name, string? ns)
    {
        var index = IndexOfAttribute(name, ns ?? string.Empty);
        _attributeIndex = index >= 0 ? index : _attributeIndex;
        return index >= 0;
    }

    /// <inheritdoc />
    public override string? GetAttribute(string name) => GetAttribute(name, string.Empty);

    /// <inheritdoc />
    public override string? GetAttribute(string name, string? namespaceURI)
    {
        var index = IndexOfAttribute(name, namespaceURI ?? string.Empty);
        return index < 0 ? null : AttributeValue(ref _attributes[index]);
    }

    /// <inheritdoc />
    public override string GetAttribute(int i)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, AttributeCount);
        return AttributeValue(ref _attributes[i]);
    }

    /// <inheritdoc />
    public override string? LookupNamespace(string prefix) => prefix.Length == 0 ? CurrentDefaultNamespace() : null;

    /// <summary>
    /// The current attribute's value as it stands in the input, when that is its value: no reference, and no white
    /// space that the reader would normalise. The bytes are the caller's input (or this reader's copy of it).
    /// </summary>
    public bool TryGetPlainValue(out ReadOnlyMemory<byte> utf8)
    {
        var isPlain = _attributeIndex >= 0 && !_attributes[_attributeIndex].HasReferences;
        utf8 = isPlain ? _data.AsMemory(_attributes[_attributeIndex].ValueStart, _attributes[_attributeIndex].ValueEnd - _attributes[_attributeIndex].ValueStart) : default;
        return isPlain;
    }

    /// <inheritdoc />
    public override bool ReadAttributeValue() => false;

    /// <inheritdoc />
    public override void ResolveEntity() => throw new InvalidOperationException("The reader expands every entity itself.");

    private int IndexOfAttribute(string name, string ns)
    {
        if (_nodeType != XmlNodeType.Element)
        {
            return -1;
        }

        for (var i = 0; i < _attributeCount; i++)
        {
            if (_attributes[i].LocalName == name && _attributes[i].Namespace == ns)
            {
                return i;
            }
        }

        return -1;
    }

    private int Offset() => _attributeIndex < 0 ? _nodeOffset : _attributes[_attributeIndex].NameStart;

    /// <summary>The line <paramref name="offset"/> is on, counting line feeds from where the last call stopped (offsets asked grow).</summary>
    private int LineAt(int offset, out int lineStart)
    {
        if (offset < _lineScanned)
        {
            (_lineScanned, _line, _lineStart) = (_start, 1, _start);
        }

        var span = _data.AsSpan(_lineScanned, offset - _lineScanned);
        var last = span.LastIndexOf((byte)'\n');
        if (last >= 0)
        {
            _line += span.Count((byte)'\n');
            _lineStart = _lineScanned + last + 1;
        }

        _lineScanned = offset;
        lineStart = _lineStart;
        return _line;
    }

    private string CurrentDefaultNamespace() => _openCount == 0 ? string.Empty : _openNamespace[_openCount - 1];

    private string NodeValue()
    {
        if (_nodeType is not (XmlNodeType.Text or XmlNodeType.Whitespace))
        {
            return string.Empty;
        }

        return _value ??= Decode(_valueStart, _valueEnd, _valueHasReferences, normalise: false);
    }

    private string AttributeValue(ref Attribute attribute) =>
        attribute.Value ??= Decode(attribute.ValueStart, attribute.ValueEnd, attribute.HasReferences, normalise: true);

    /// <summary>Thrown at anything the reader does not take; see <see cref="LeanXmlReader"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static LeanXmlFallbackException Fallback() => new();

    private struct Attribute
    {
        public string LocalName;
        public string Namespace;
        public int NameStart;
        public int NameLength;
        public int ValueStart;
        public int ValueEnd;
        public bool HasReferences;
        public string? Value;
    }
}

/// <summary>The input has something <see cref="LeanXmlReader"/> does not read; read it with the framework's reader.</summary>
internal sealed class LeanXmlFallbackException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LeanXmlFallbackException()
        : base("The input needs the framework's XML reader.")
    {
    }
}
