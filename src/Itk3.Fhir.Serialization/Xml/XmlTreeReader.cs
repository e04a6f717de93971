using System.Xml;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Schema;
using Itk3.Fhir.Serialization.Reading;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// Reads one FHIR XML document into an element tree in a single forward pass over an <see cref="XmlReader"/>.
/// Each read method starts on an element's start tag and leaves the reader on that element's last node.
/// Names are compared by reference against strings atomised in the reader's name table.
/// </summary>
internal sealed partial class XmlTreeReader
{
    private readonly XmlReader _reader;
    private readonly LeanXmlReader? _lean;
    private readonly IXmlLineInfo? _lineInfo;
    private readonly ParseContext _context;
    private readonly IFhirSchema _schema;
    private readonly int _maxDepth;
    private readonly LocationStack _path;
    private readonly ChildBuffer _children;
    private readonly XhtmlDivSerializer _div;
    private readonly ElementMatchCache _matches;
    private readonly string _fhirNs;
    private readonly string _xhtmlNs;
    private readonly string _xmlnsNs;
    private readonly string _xsiNs;
    private readonly string _value;

    public XmlTreeReader(XmlReader reader, ParseContext context, XmlReaderCaches caches)
    {
        _path = caches.Path;
        _children = caches.Children;
        _matches = caches.Matches;
        _div = caches.Divs;
        _reader = reader;
        _lean = reader as LeanXmlReader;
        // XmlTextReader always has line information; asked once rather than at every node.
        _lineInfo = reader is IXmlLineInfo info && info.HasLineInfo() ? info : null;
        _context = context;
        _schema = context.Schema;
        _maxDepth = context.Options.MaxDepth;
        var names = reader.NameTable;
        _fhirNs = names.Add(FhirXmlNames.FhirNamespace);
        _xhtmlNs = names.Add(FhirXmlNames.XhtmlNamespace);
        _xmlnsNs = names.Add(FhirXmlNames.XmlnsNamespace);
        _xsiNs = names.Add(FhirXmlNames.XsiNamespace);
        _value = names.Add(FhirXmlNames.ValueAttribute);
    }

    /// <summary>The location of the element being read, for issues raised outside the reader (malformed XML).</summary>
    public string CurrentLocation => _path.Current();

    /// <summary>Where the reader is, for issues raised outside the reader.</summary>
    public SourcePosition CurrentPosition => Position();

    /// <summary>Reads the document; null when its root is not a known FHIR resource.</summary>
    public ElementNode? ReadDocument()
    {
        while (_reader.Read() && _reader.NodeType != XmlNodeType.Element)
        {
        }

        if (_reader.NodeType != XmlNodeType.Element)
        {
            _context.Report(FhirIssues.XmlMalformed, string.Empty, Position(), "The document has no root element.");
            return null;
        }

        var root = ReadRoot();
        while (_reader.Read())
        {
            // Reading to the end lets the XmlReader find malformed content after the root element.
        }

        return root;
    }

    private ElementNode? ReadRoot()
    {
        var position = Position();
        var name = _reader.LocalName;
        if (!Same(_reader.NamespaceURI, _fhirNs))
        {
            _context.Report(FhirIssues.NamespaceWrong, name, position, $"The root element must be in the {FhirXmlNames.FhirNamespace} namespace.");
            return null;
        }

        var type = _context.ResolveResourceType(name, name, position);
        if (type is null)
        {
            return null;
        }

        _path.Reset(type.Name);
        return ReadResourceBody(type, type.Name, position);
    }

    private ElementNode ReadResourceBody(FhirTypeDefinition type, string nodeName, SourcePosition position)
    {
        var isEmpty = _reader.IsEmptyElement;
        var mark = _children.Mark();
        ReadAttributes(type, null, mark, position, out _);
        ReadChildElements(type, mark, isEmpty);
        return new ElementNode(nodeName, null, _children.Take(mark), type.Name, position);
    }

    private ElementNode? ReadResourceWrapper(string wireName, SourcePosition position)
    {
        var isEmpty = _reader.IsEmptyElement;
        RejectAttributes();
        ElementNode? resource = null;
        var count = 0;
        while (!isEmpty && _reader.Read() && _reader.NodeType != XmlNodeType.EndElement)
        {
            if (_reader.NodeType == XmlNodeType.Element)
            {
                CheckDepth();
                count++;
                resource = count == 1 ? ReadWrappedResource(wireName, position) : SkipExtraResource(resource);
            }
            else if (IsText(_reader.NodeType))
            {
                _context.Report(FhirIssues.ResourceWrapperInvalid, _path.Current(), Position(), "A resource container holds text.");
            }
        }

        if (count == 0)
        {
            _context.Report(FhirIssues.ResourceWrapperInvalid, _path.Current(), position, "The resource container is empty.");
        }

        return resource;
    }

    private ElementNode? ReadWrappedResource(string wireName, SourcePosition wrapperPosition)
    {
        var name = _reader.LocalName;
        var position = Position();
        if (!Same(_reader.NamespaceURI, _fhirNs))
        {
            _context.Report(FhirIssues.NamespaceWrong, _path.ChildOf(name), position, "A contained resource must be in the FHIR namespace.");
            SkipElement();
            return null;
        }

        // The location string is only built when the type is unknown.
        var type = _schema.FindResourceType(name) ?? _context.ResolveResourceType(name, _path.Current(), position);
        if (type is null)
        {
            SkipElement();
            return null;
        }

        _path.PushOfType(type.Name);
        var resource = ReadResourceBody(type, wireName, wrapperPosition);
        _path.Pop();
        return resource;
    }

    private ElementNode? SkipExtraResource(ElementNode? first)
    {
        _context.Report(FhirIssues.ResourceWrapperInvalid, _path.Current(), Position(), "A resource container holds more than one resource.");
        SkipElement();
        return first;
    }

    private ElementNode ReadDiv(SourcePosition position)
    {
        // A div already in the serializer's form, which the fast check vouches for (where its nesting cannot reach the
        // depth limit), is taken as it is; any other is streamed through the serializer and the narrative checker.
        if (_lean is not null && _reader.Depth + 1 + FastXhtmlChecker.MaxDepth <= _maxDepth
            && _lean.TryGetCanonicalDiv(out var canonical) && FastXhtmlChecker.IsCertainlyValid(canonical))
        {
            _lean.SkipCanonicalDiv();
            return new ElementNode(_reader.LocalName, canonical, null, null, position);
        }

        // The reader has already proved the div well-formed and in the XHTML namespace, so the narrative rules are
        // checked while streaming it rather than by reparsing the string (NarrativeChecker.Check does both).
        var checker = new NarrativeChecker(_path.Current(), position, _context, _reader.Depth);
        var text = _div.Read(_reader, () =>
        {
            if (_reader.NodeType == XmlNodeType.Element)
            {
                CheckDepth();
            }

            checker.CheckNode(_reader);
        });
        return new ElementNode(_reader.LocalName, text, null, null, position);
    }

    private void CheckDepth()
    {
        if (_reader.Depth >= _maxDepth)
        {
            _context.Report(FhirIssues.NestingTooDeep, _path.Current(), Position(), $"The elements nest deeper than {_maxDepth} levels.");
            throw new FatalParseException();
        }
    }

    /// <summary>Moves to the last node of the current element without reading its content.</summary>
    private void SkipElement()
    {
        if (_reader.IsEmptyElement)
        {
            return;
        }

        var depth = _reader.Depth;
        while (_reader.Read() && !(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth))
        {
        }
    }

    private SourcePosition Position() =>
        _lineInfo is { } info ? new SourcePosition(info.LineNumber, info.LinePosition) : SourcePosition.None;

    private static bool Same(string left, string right) => ReferenceEquals(left, right) || left == right;

    private static bool IsText(XmlNodeType type) => type is XmlNodeType.Text or XmlNodeType.CDATA;
}
