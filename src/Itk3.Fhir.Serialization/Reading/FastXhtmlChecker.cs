using System.Buffers;

namespace Itk3.Fhir.Serialization.Reading;

/// <summary>
/// An allocation-free check of the common subset of narrative XHTML: one root <c>div</c> declaring
/// <c>xmlns="http://www.w3.org/1999/xhtml"</c>, ASCII names without prefixes, quoted attribute values, the five
/// predefined entities and numeric character references, comments and balanced tags, with none of the content
/// <see cref="NarrativeChecker"/> forbids. It answers true only when an <c>XmlReader</c> would accept the div and
/// <see cref="NarrativeChecker"/> would report nothing; false means "not certainly valid" (invalid, or outside the
/// subset: CDATA, processing instructions, prefixes, other namespaces, surrogates...), and the caller falls back to
/// the <c>XmlReader</c> path, which produces the exact issues.
/// </summary>
internal ref partial struct FastXhtmlChecker
{
    /// <summary>The deepest nesting vouched for; deeper divs go to the <see cref="NarrativeChecker"/>.</summary>
    public const int MaxDepth = 64;
    private const int MaxAttributes = 32;

    /// <summary>The characters that end a run of text: markup, references, the end of a CDATA marker and the control characters XML forbids.</summary>
    private static readonly SearchValues<char> TextStops = SearchValues.Create(Controls + "<&]");

    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(" \t\r\n");

    /// <summary>The characters that end a run of an attribute value.</summary>
    private static readonly SearchValues<char> AttributeStops = SearchValues.Create(Controls + "<&\"'");

    private const string Controls = "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000c\u000e\u000f"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f";

    private readonly ReadOnlySpan<char> _text;
    // Per open element: the start and length of its name, and its number in the NarrativeModel.
    private readonly Span<int> _open;
    private readonly Span<int> _attributes;
    private int _pos;
    private int _depth;

    private FastXhtmlChecker(ReadOnlySpan<char> text, Span<int> open, Span<int> attributes)
    {
        _text = text;
        _open = open;
        _attributes = attributes;
    }

    /// <summary>True when the text is certainly a valid, acceptable narrative div; false when unsure or invalid.</summary>
    public static bool IsCertainlyValid(ReadOnlySpan<char> xhtml)
    {
        // Surrogates and the characters above them are left to XmlReader wherever they are (text, attribute values,
        // comments); one search of the whole div finds them, so the runs inside need not be searched again.
        if (!xhtml.StartsWith("<div", StringComparison.Ordinal) || xhtml.IndexOfAnyInRange('\uD800', '\uFFFF') >= 0)
        {
            return false;
        }

        var checker = new FastXhtmlChecker(xhtml, stackalloc int[MaxDepth * 3], stackalloc int[MaxAttributes * 2]);
        return checker.Run();
    }

    private bool Run()
    {
        if (!StartTag(isRoot: true))
        {
            return false;
        }

        while (_depth > 0)
        {
            if (!Content())
            {
                return false;
            }
        }

        // Only whitespace may follow the root: both the document and the fragment readers accept it.
        for (; _pos < _text.Length; _pos++)
        {
            if (!IsSpace(_text[_pos]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Consumes one item of element content: a run of text, a reference, a comment, a start or an end tag.</summary>
    private bool Content()
    {
        // Text (a reference or ']' included) inside an element that holds only elements is left to the XmlReader path.
        if (NarrativeModel.AllowsText(_open[(_depth * 3) - 1]))
        {
            SkipPlainText(TextStops);
        }
        else if (!SkipWhiteSpaceBeforeMarkup())
        {
            return false;
        }

        if (_pos >= _text.Length)
        {
            return false;
        }

        var c = _text[_pos];
        if (c == '<')
        {
            var next = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
            return next switch
            {
                '/' => EndTag(),
                '!' => Comment(),
                _ => StartTag(isRoot: false),
            };
        }

        if (c == '&')
        {
            return Reference() >= 0;
        }

        // "]]>" may not appear in text; a lone ']' is text. Anything else that stops a run is a control character.
        _pos++;
        return c == ']' && !_text[(_pos - 1)..].StartsWith("]]>", StringComparison.Ordinal);
    }

    /// <summary>Skips ordinary characters up to the next one in <paramref name="stops"/> (vectorised: narratives are mostly text).</summary>
    private void SkipPlainText(SearchValues<char> stops)
    {
        var stop = _text[_pos..].IndexOfAny(stops);
        _pos = stop < 0 ? _text.Length : _pos + stop;
    }

    /// <summary>Skips white space in element-only content; false unless markup follows.</summary>
    private bool SkipWhiteSpaceBeforeMarkup()
    {
        var markup = _text[_pos..].IndexOfAnyExcept(WhiteSpace);
        _pos = markup < 0 ? _text.Length : _pos + markup;
        return markup >= 0 && _text[_pos] == '<';
    }

    /// <summary>Reads a start tag at <c>&lt;</c> with its attributes, opening the element unless it is empty.</summary>
    private bool StartTag(bool isRoot)
    {
        _pos++;
        var nameStart = _pos;
        if (!Name() || _depth == MaxDepth)
        {
            return false;
        }

        var name = _text[nameStart.._pos];
        var number = isRoot ? NarrativeModel.Div : NarrativeModel.Find(name);
        if (isRoot ? !name.SequenceEqual("div") : number < 0 || !NarrativeModel.AllowsChild(_open[(_depth * 3) - 1], number))
        {
            return false;
        }

        var attributes = new AttributeState(isRoot, number);
        while (true)
        {
            var spaced = SkipSpace();
            if (_pos >= _text.Length)
            {
                return false;
            }

            var c = _text[_pos];
            if (c == '>' || c == '/')
            {
                return CloseStartTag(c, nameStart, name.Length, number, attributes.SawNamespace || !isRoot);
            }

            if (!spaced || !Attribute(ref attributes))
            {
                return false;
            }
        }
    }

    private bool CloseStartTag(char c, int nameStart, int nameLength, int number, bool namespaceOk)
    {
        if (!namespaceOk)
        {
            return false;
        }

        if (c == '/')
        {
            if (_pos + 1 >= _text.Length || _text[_pos + 1] != '>')
            {
                return false;
            }

            _pos += 2;
            return true;
        }

        _pos++;
        _open[_depth * 3] = nameStart;
        _open[(_depth * 3) + 1] = nameLength;
        _open[(_depth * 3) + 2] = number;
        _depth++;
        return true;
    }

    /// <summary>Reads an ASCII XML name without a prefix.</summary>
    private bool Name()
    {
        var start = _pos;
        while (_pos < _text.Length && NarrativeRules.IsNameChar(_text[_pos], _pos == start))
        {
            _pos++;
        }

        return _pos > start;
    }

    private bool SkipSpace()
    {
        var start = _pos;
        while (_pos < _text.Length && IsSpace(_text[_pos]))
        {
            _pos++;
        }

        return _pos > start;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>An XML character in the range this checker vouches for (surrogates and above are left to XmlReader).</summary>
    private static bool IsChar(char c) => c < 0xD800 && (c >= 0x20 || c is '\t' or '\n' or '\r');

    private struct AttributeState(bool isRoot, int element)
    {
        public readonly bool IsRoot = isRoot;
        public readonly int Element = element;
        public int Count;
        public bool SawNamespace;
    }
}
