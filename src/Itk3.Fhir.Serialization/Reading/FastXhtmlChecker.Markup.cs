namespace Itk3.Fhir.Serialization.Reading;

/// <summary>The markup inside and after tags: attributes, end tags, comments and references.</summary>
internal ref partial struct FastXhtmlChecker
{
    /// <summary>Reads one <c>name="value"</c> pair, checking duplicates, namespaces and the narrative rules.</summary>
    private bool Attribute(ref AttributeState state)
    {
        var nameStart = _pos;
        if (!Name() || state.Count == MaxAttributes)
        {
            return false;
        }

        var name = _text[nameStart.._pos];
        for (var i = 0; i < state.Count; i++)
        {
            if (_text.Slice(_attributes[i * 2], _attributes[(i * 2) + 1]).SequenceEqual(name))
            {
                return false;
            }
        }

        _attributes[state.Count * 2] = nameStart;
        _attributes[(state.Count * 2) + 1] = name.Length;
        state.Count++;
        if (NarrativeRules.IsEventAttribute(name) || !(state.IsRoot && name.SequenceEqual("xmlns") || NarrativeModel.AllowsAttribute(state.Element, name)))
        {
            return false;
        }

        SkipSpace();
        if (_pos >= _text.Length || _text[_pos] != '=')
        {
            return false;
        }

        _pos++;
        SkipSpace();
        var valueStart = _pos + 1;
        if (!AttributeValue())
        {
            return false;
        }

        return !name.StartsWith("xml", StringComparison.OrdinalIgnoreCase) || IsRootNamespace(name, valueStart, ref state);
    }

    private bool IsRootNamespace(ReadOnlySpan<char> name, int valueStart, ref AttributeState state)
    {
        var value = _text[valueStart..(_pos - 1)];
        state.SawNamespace = state.IsRoot && name.SequenceEqual("xmlns") && value.SequenceEqual(NarrativeChecker.XhtmlNamespace);
        return state.SawNamespace;
    }

    /// <summary>Reads a quoted value; rejects <c>&lt;</c>, bad references and a (possibly escaped) <c>javascript:</c> link.</summary>
    private bool AttributeValue()
    {
        if (_pos >= _text.Length || (_text[_pos] != '"' && _text[_pos] != '\''))
        {
            return false;
        }

        var quote = _text[_pos++];
        var link = new ScriptLinkDetector();
        while (true)
        {
            // Once the start of the value is known not to be a script link, runs of plain characters are skipped.
            if (link.IsDecided)
            {
                SkipPlainText(AttributeStops);
            }

            if (_pos >= _text.Length)
            {
                return false;
            }

            var c = _text[_pos];
            if (c == quote)
            {
                _pos++;
                return true;
            }

            int decoded = c == '&' ? Reference() : IsChar(c) && c != '<' ? _text[_pos++] : -1;
            if (decoded < 0 || !link.Accept((char)decoded))
            {
                return false;
            }
        }
    }

    /// <summary>Reads an end tag that closes the innermost open element.</summary>
    private bool EndTag()
    {
        // The name must be the open element's name, whole: compared in place, not read first.
        _pos += 2;
        _depth--;
        var open = _text.Slice(_open[_depth * 3], _open[(_depth * 3) + 1]);
        if (!_text[_pos..].StartsWith(open, StringComparison.Ordinal))
        {
            return false;
        }

        _pos += open.Length;
        if (_pos < _text.Length && NarrativeRules.IsNameChar(_text[_pos], first: false))
        {
            return false;
        }

        SkipSpace();
        if (_pos >= _text.Length || _text[_pos] != '>')
        {
            return false;
        }

        _pos++;
        return true;
    }

    /// <summary>Reads <c>&lt;!-- ... --&gt;</c>; anything else starting <c>&lt;!</c> (CDATA, DOCTYPE) is outside the subset.</summary>
    private bool Comment()
    {
        if (!_text[_pos..].StartsWith("<!--", StringComparison.Ordinal))
        {
            return false;
        }

        for (_pos += 4; _pos < _text.Length; _pos++)
        {
            var c = _text[_pos];
            if (c == '-' && _pos + 1 < _text.Length && _text[_pos + 1] == '-')
            {
                // "--" may only end the comment.
                var closes = _pos + 2 < _text.Length && _text[_pos + 2] == '>';
                _pos += 3;
                return closes;
            }

            if (!IsChar(c))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Reads a predefined entity or a numeric character reference at <c>&amp;</c>; the character it stands for, or -1.</summary>
    private int Reference()
    {
        var end = _text.Slice(_pos, Math.Min(12, _text.Length - _pos)).IndexOf(';');
        if (end < 2)
        {
            return -1;
        }

        var body = _text.Slice(_pos + 1, end - 1);
        _pos += end + 1;
        return body[0] == '#' ? NarrativeRules.CharacterReference(body[1..]) : NarrativeRules.PredefinedEntity(body);
    }
}
