using System.Xml;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Primitives;
using Itk3.Fhir.Schema;
using Itk3.Fhir.Serialization.Reading;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>Reading of elements, attributes and primitive values.</summary>
internal sealed partial class XmlTreeReader
{
    private const int StackCountsLimit = 128;

    // Values longer than this may be kept as bytes (as the JSON reader keeps them).
    private const int KeptValueBytes = 256;

    /// <summary>Reads child elements; returns the element's text when a primitive (wrongly) carries its value as text.</summary>
    private string? ReadChildElements(FhirTypeDefinition type, int mark, bool isEmpty)
    {
        string? text = null;
        if (isEmpty)
        {
            return text;
        }

        var elementCount = type.Elements.Count;
        var counts = elementCount <= StackCountsLimit ? stackalloc int[elementCount] : new int[elementCount];
        var lastOrder = -1;
        while (_reader.Read())
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    ReadChild(type, mark, counts, ref lastOrder);
                    break;
                case XmlNodeType.EndElement:
                    return text;
                case XmlNodeType.Text or XmlNodeType.CDATA when type.IsPrimitive && text is null:
                    text = _reader.Value;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    _context.Report(FhirIssues.XmlContentUnexpected, _path.Current(), Position(), "FHIR elements hold no text; values go in value attributes.");
                    break;
            }
        }

        return text;
    }

    private void ReadChild(FhirTypeDefinition type, int mark, Span<int> counts, ref int lastOrder)
    {
        CheckDepth();
        var position = Position();
        var name = _reader.LocalName;
        var ns = _reader.NamespaceURI;
        var resolved = Match(type, name, ns, position);
        if (resolved is null)
        {
            SkipElement();
            return;
        }

        var definition = resolved.Definition;
        var seen = counts[definition.Order];
        counts[definition.Order] = seen + 1;
        if (seen > 0 && !definition.IsArray)
        {
            ReportRepeat(definition, name, mark, position);
        }

        if (definition.Order < lastOrder)
        {
            _context.Report(FhirIssues.ElementOutOfOrder, _path.ChildOf(name), position, $"'{name}' is out of the order {type.Name} defines.");
        }
        else
        {
            lastOrder = definition.Order;
        }

        _path.Push(name, definition.IsArray ? seen : -1);
        var node = ReadElement(resolved, name, position);
        _path.Pop();
        if (node is not null)
        {
            _children.Add(node, definition.Order);
        }
    }

    private ElementMatchCache.Resolved? Match(FhirTypeDefinition type, string name, string ns, SourcePosition position)
    {
        var isFhir = Same(ns, _fhirNs);
        var isXhtml = !isFhir && Same(ns, _xhtmlNs);
        var resolved = _matches.Find(type, name);
        var found = resolved is not null && resolved.Definition.Representation != ElementRepresentation.XmlAttribute;
        if (found && isXhtml == (resolved!.Definition.Representation == ElementRepresentation.Xhtml) && (isFhir || isXhtml))
        {
            return resolved;
        }

        if (found || !isFhir)
        {
            _context.Report(FhirIssues.NamespaceWrong, _path.ChildOf(name), position, $"'{name}' is in the namespace '{ns}'.");
        }
        else
        {
            _context.Report(FhirIssues.ElementUnknown, _path.ChildOf(name), position, $"'{name}' is not an element of {type.Name}.");
        }

        return null;
    }

    private void ReportRepeat(FhirElementDefinition definition, string name, int mark, SourcePosition position)
    {
        var earlier = _children.FindName(mark, definition.Order);
        if (definition.IsChoice && earlier is not null && earlier != name)
        {
            _context.Report(FhirIssues.ChoiceMultiple, _path.ChildOf(name), position, $"'{name}' and '{earlier}' are two types for one choice element.");
        }
        else
        {
            _context.Report(FhirIssues.RepeatUnexpected, _path.ChildOf(name), position, $"'{name}' does not repeat.");
        }
    }

    private ElementNode? ReadElement(ElementMatchCache.Resolved resolved, string name, SourcePosition position)
    {
        var definition = resolved.Definition;
        if (definition.HoldsResource)
        {
            return ReadResourceWrapper(name, position);
        }

        if (definition.Representation == ElementRepresentation.Xhtml)
        {
            return ReadDiv(position);
        }

        var type = resolved.Type;
        if (type is null)
        {
            _context.Report(FhirIssues.ElementUnknown, _path.Current(), position, $"The type {resolved.Match.TypeName} is not known.");
            SkipElement();
            return null;
        }

        var isEmpty = _reader.IsEmptyElement;
        var mark = _children.Mark();
        var value = ReadAttributes(type, resolved.Lexical, mark, position, out var kept);
        var text = ReadChildElements(type, mark, isEmpty);
        if (kept is not null && text is null)
        {
            return new ElementNode(name, kept, _children.Take(mark), position);
        }

        value = TextAsValue(value ?? kept?.Text, text, type, position);
        var isEmptyValue = value is { Length: 0 };
        var children = _children.Take(mark);
        if (value is { Length: 0 })
        {
            // Reported as element-empty by the value check; an empty value has no valid form in either format.
            value = null;
        }
        else if (value is not null && definition.RequiredCodes is { } codes && !codes.Contains(value))
        {
            _context.CheckBinding(definition, value, _path.Current(), position);
        }

        if (value is null && children.Length == 0)
        {
            if (!isEmptyValue)
            {
                _context.Report(FhirIssues.ElementEmpty, _path.Current(), position, type.IsPrimitive ? $"'{name}' has no value attribute and no children." : $"'{name}' has no children.");
            }

            // An element with neither value nor children has no valid form in either format; leaving it out keeps
            // XML and JSON trees alike and lenient output valid.
            return null;
        }

        return new ElementNode(name, value, children, null, position);
    }

    /// <summary>
    /// Reads the attributes of the current element: the primitive value is returned (checked with
    /// <paramref name="lexical"/>, the check of the element's primitive type), or given as <paramref name="kept"/> when
    /// it is a long base64 value kept as its bytes in the input; id/url become children.
    /// </summary>
    private string? ReadAttributes(FhirTypeDefinition type, LexicalCheck? lexical, int mark, SourcePosition position, out Utf8Value? kept)
    {
        string? value = null;
        kept = null;
        if (!_reader.MoveToFirstAttribute())
        {
            return null;
        }

        do
        {
            var ns = _reader.NamespaceURI;
            var name = _reader.LocalName;
            if (Same(ns, _xmlnsNs) || IsSchemaLocation(ns, name))
            {
                continue;
            }

            if (ns.Length == 0 && type.IsPrimitive && Same(name, _value))
            {
                kept = type.Name == "base64Binary" ? KeepBase64() : null;
                value = kept is null ? CheckPrimitive(type.Name, lexical, _reader.Value, position) : null;
            }
            else if (ns.Length == 0 && type.TryFindElement(name, out var match) && match.Definition.Representation == ElementRepresentation.XmlAttribute)
            {
                ReadAttributeChild(match, name, mark, position);
            }
            else
            {
                _context.Report(FhirIssues.XmlContentUnexpected, _path.Current(), position, $"'{_reader.Name}' is not an attribute of {type.Name}.");
            }
        }
        while (_reader.MoveToNextAttribute());

        _reader.MoveToElement();
        return value;
    }

    /// <summary>
    /// A long, valid base64 value as its bytes in the input (<see cref="LeanXmlReader"/> only), so that the parse makes
    /// no string of an attachment; null means "not kept": the value takes the usual path, which reports any defect.
    /// </summary>
    private Utf8Value? KeepBase64() =>
        _lean is not null && _lean.TryGetPlainValue(out var utf8) && utf8.Length > KeptValueBytes && Base64Form.IsValid(utf8.Span)
            ? new Utf8Value(utf8)
            : null;

    private void ReadAttributeChild(ElementMatch match, string name, int mark, SourcePosition position)
    {
        _path.Push(name);
        var text = CheckPrimitive(match.TypeName, _reader.Value, position);
        _path.Pop();
        if (text.Length > 0)
        {
            _children.Add(new ElementNode(name, text, null, null, position), match.Definition.Order);
        }
    }

    /// <summary>Checks a value's lexical form; returns the value to keep (trimmed when a padded value is read leniently).</summary>
    private string CheckPrimitive(string typeName, string value, SourcePosition position) =>
        CheckPrimitive(typeName, PrimitiveLexicon.CheckFor(typeName), value, position);

    /// <summary>As <see cref="CheckPrimitive(string, string, SourcePosition)"/> with the type's check at hand.</summary>
    private string CheckPrimitive(string typeName, LexicalCheck? lexical, string value, SourcePosition position)
    {
        // The location string is only built when the value is wrong.
        if (value.Length == 0 || !PrimitiveLexicon.IsValid(lexical, value))
        {
            _context.CheckPrimitive(typeName, ref value, _path.Current(), position);
        }

        return value;
    }

    /// <summary>A primitive's element text is taken as its value when there is no value attribute (an error when strict, a warning when lenient).</summary>
    private string? TextAsValue(string? value, string? text, FhirTypeDefinition type, SourcePosition position)
    {
        if (text is null)
        {
            return value;
        }

        if (value is not null)
        {
            _context.Report(FhirIssues.XmlContentUnexpected, _path.Current(), position, "FHIR elements hold no text; values go in value attributes.");
            return value;
        }

        _context.Report(FhirIssues.ValueAsText, _path.Current(), position, "The value is given as element text; it belongs in a value attribute.");
        return CheckPrimitive(type.Name, text, position);
    }

    private void RejectAttributes()
    {
        if (!_reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            if (!Same(_reader.NamespaceURI, _xmlnsNs))
            {
                _context.Report(FhirIssues.XmlContentUnexpected, _path.Current(), Position(), $"'{_reader.Name}' is not allowed on a resource container.");
            }
        }
        while (_reader.MoveToNextAttribute());

        _reader.MoveToElement();
    }

    private bool IsSchemaLocation(string ns, string name) =>
        Same(ns, _xsiNs) && name is "schemaLocation" or "noNamespaceSchemaLocation";
}
