using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Primitives;
using Itk3.Fhir.Schema;
using Itk3.Fhir.Serialization.Reading;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>Reading of element values: complex objects, held resources, primitives and their <c>_name</c> parts.</summary>
internal sealed partial class JsonTreeReader<TReader>
    where TReader : IJsonTokenSource, allows ref struct
{
    /// <summary>Reads a complex or resource element, single or repeating, adding its nodes to the child buffer.</summary>
    private void ReadComplex(ref TReader reader, JsonMember member, SourcePosition position)
    {
        var isArray = member.IsArray;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            if (isArray && reader.TokenType == JsonTokenType.StartObject)
            {
                ReportArrayExpected(member.WireName, position);
            }

            ReadComplexItem(ref reader, member, isArray ? 0 : -1, position);
            return;
        }

        if (!isArray)
        {
            ReportRepeatUnexpected(member.WireName, position);
            SkipValue(ref reader);
            return;
        }

        EnsureDepth(ref reader);
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ReadComplexItem(ref reader, member, index++, reader.Position);
        }

        if (index == 0)
        {
            ReportEmptyArray(member.WireName, position);
        }
    }

    private void ReadComplexItem(ref TReader reader, JsonMember member, int index, SourcePosition position)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            ReportNotObject(ref reader, member.WireName, index, position);
            return;
        }

        _path.Push(member.WireName, index);
        ElementNode? node;
        if (member.Type is null)
        {
            node = ReadResource(ref reader, member.WireName, position);
        }
        else
        {
            EnsureDepth(ref reader);
            var children = ReadMembers(ref reader, member.Type, false);

            // An empty object (reported as element-empty) has no valid form in either format, so it is left out.
            node = children.Length == 0 ? null : new ElementNode(member.WireName, null, children, null, position);
        }

        _path.Pop();
        if (node is not null)
        {
            _children.Add(node);
        }
    }

    private void ReportNotObject(ref TReader reader, string name, int index, SourcePosition position)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            ReportNull(name, index, position);
        }
        else
        {
            Report(FhirIssues.JsonTypeWrong, Location(name, index), position, $"'{name}' must be an object, not {Describe(reader.TokenType)}.");
        }

        SkipValue(ref reader);
    }

    /// <summary>Reads a primitive's value (single or an array that may hold nulls) into the primitive item list.</summary>
    private void ReadPrimitive(ref TReader reader, JsonMember member, SourcePosition position)
    {
        _items.Clear();
        var isArray = member.IsArray;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            if (!isArray)
            {
                ReportRepeatUnexpected(member.WireName, position);
                SkipValue(ref reader);
                return;
            }

            ReadPrimitiveArray(ref reader, member, position);
            return;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            ReportNull(member.WireName, -1, position);
            _items.Add(new JsonPrimitiveItem(null, JsonItemState.Invalid, position));
            return;
        }

        if (isArray && reader.TokenType != JsonTokenType.StartObject)
        {
            ReportArrayExpected(member.WireName, position);
        }

        _items.Add(ReadPrimitiveText(ref reader, member, isArray ? 0 : -1, position));
    }

    private void ReadPrimitiveArray(ref TReader reader, JsonMember member, SourcePosition position)
    {
        EnsureDepth(ref reader);
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var at = reader.Position;
            _items.Add(reader.TokenType == JsonTokenType.Null
                ? new JsonPrimitiveItem(null, JsonItemState.Null, at)
                : ReadPrimitiveText(ref reader, member, index, at));
            index++;
        }

        if (index == 0)
        {
            ReportEmptyArray(member.WireName, position);
        }
    }

    /// <summary>Reads one primitive value, checking its JSON type and lexical form.</summary>
    private JsonPrimitiveItem ReadPrimitiveText(ref TReader reader, JsonMember member, int index, SourcePosition position)
    {
        var token = reader.TokenType;
        var matches = member.JsonKind switch
        {
            PrimitiveJsonKind.String => token == JsonTokenType.String,
            PrimitiveJsonKind.Number => token == JsonTokenType.Number,
            _ => token is JsonTokenType.True or JsonTokenType.False,
        };

        if (!matches)
        {
            ReportWrongJsonType(member, token, index, position);
            SkipValue(ref reader);
            return new JsonPrimitiveItem(null, JsonItemState.Invalid, position);
        }

        if (token is JsonTokenType.True or JsonTokenType.False)
        {
            return new JsonPrimitiveItem(token == JsonTokenType.True ? "true" : "false", JsonItemState.Present, position);
        }

        if (reader.ValueSpan.Length > MinKeptBytes && KeepLong(ref reader, member) is { } kept)
        {
            return new JsonPrimitiveItem(kept, JsonItemState.Present, position);
        }

        var cached = _values.Get(ref reader, out var entry);
        var value = cached ?? (token == JsonTokenType.Number ? Encoding.UTF8.GetString(reader.ValueSpan) : _strings.GetString(ref reader));
        if (!_values.IsValidAs(entry, member.TypeName) && CheckLexicalForm(member, ref value, isControlFree: reader.ValueIsAscii, index, position))
        {
            _values.MarkValid(entry, member.TypeName);
        }

        if (value.Length == 0)
        {
            // Reported as element-empty; an empty value has no valid form in either format, so it is left out.
            return new JsonPrimitiveItem(null, JsonItemState.Invalid, position);
        }

        if (member.RequiredCodes is { } codes && !codes.Contains(value))
        {
            _context.CheckBinding(member.Match.Definition, value, Location(member.WireName, index), position);
        }

        return new JsonPrimitiveItem(value, JsonItemState.Present, position);
    }

    /// <summary>
    /// Keeps a long string value (the caller checks the length) as its bytes in the input when it is certainly valid,
    /// so that the parse makes no string of it: an unescaped base64Binary value (an attachment) checked on its UTF-8
    /// bytes with the lexicon's rule, and read by writers as bytes; any other value decoded into the reusable buffer and
    /// checked there (a narrative's fast check, a lexical check), and made a string when first read. Null means "not
    /// kept": the value takes the usual path, which reports what is wrong with it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // Rare; kept out of the value path so that its frame stays small.
    private Utf8Value? KeepLong(ref TReader reader, JsonMember member)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return null;
        }

        // A string token is its opening quote followed by its raw value bytes.
        var bytes = _content.Slice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
        Utf8Value kept;
        if (member.TypeName == "base64Binary")
        {
            if (reader.ValueIsEscaped || !Base64Form.IsValid(reader.ValueSpan, reader.Base64AlphabetRun))
            {
                return null;
            }

            kept = new Utf8Value(bytes);
        }
        else
        {
            if (member.RequiredCodes is not null || !IsCertainlyValid(member, _strings.GetChars(ref reader), reader.ValueIsAscii))
            {
                return null;
            }

            kept = new JsonStringValue(bytes);
        }

        _kept?.Add(kept);
        return kept;
    }

    /// <summary>Checks a narrative the slow way; one nesting deeper than allowed stops the parse, as it does in XML.</summary>
    private bool CheckNarrative(string value, string location, SourcePosition position)
    {
        if (NarrativeChecker.Check(value, location, position, _context, _path.Depth))
        {
            return true;
        }

        if (_context.Issues.Count > 0 && _context.Issues[^1].Code == FhirIssues.NestingTooDeep.Code)
        {
            throw new JsonReadAbortedException();
        }

        return false;
    }

    /// <summary>
    /// True when a value is valid and there is nothing to report: a narrative in the common subset that the fast check
    /// vouches for (only where its nesting cannot pass the depth limit), or a value of its primitive type's lexical form.
    /// </summary>
    private bool IsCertainlyValid(JsonMember member, ReadOnlySpan<char> value, bool isControlFree) =>
        member.IsXhtml
            ? _path.Depth + 1 + FastXhtmlChecker.MaxDepth <= _maxDepth && FastXhtmlChecker.IsCertainlyValid(value)
            : value.Length > 0 && (isControlFree ? PrimitiveLexicon.IsValidControlFree(member.Lexical, value) : PrimitiveLexicon.IsValid(member.Lexical, value));

    /// <summary>
    /// Checks a value; the <c>XmlReader</c> path reports exact issues for a narrative the fast check does not vouch for
    /// (nesting-too-deep included), and only a failing value pays for its location text.
    /// </summary>
    private bool CheckLexicalForm(JsonMember member, ref string value, bool isControlFree, int index, SourcePosition position) =>
        IsCertainlyValid(member, value, isControlFree)
        || (member.IsXhtml
            ? CheckNarrative(value, Location(member.WireName, index), position)
            : _context.CheckPrimitive(member.TypeName, ref value, Location(member.WireName, index), position));

    /// <summary>Reads a primitive's <c>_name</c> part: an object (or array of objects and nulls) with id and extensions.</summary>
    private void ReadMeta(ref TReader reader, JsonMemberSlot slot, SourcePosition position)
    {
        slot.HasMeta = true;
        slot.MetaPosition = position;
        var isArray = slot.Match.Definition.IsArray;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            if (isArray && reader.TokenType == JsonTokenType.StartObject)
            {
                ReportArrayExpected("_" + slot.WireName, position);
            }

            slot.Metas.Add(ReadMetaItem(ref reader, slot, isArray ? 0 : -1, position, allowNull: false));
            return;
        }

        if (!isArray)
        {
            ReportRepeatUnexpected("_" + slot.WireName, position);
            SkipValue(ref reader);
            return;
        }

        EnsureDepth(ref reader);
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            slot.Metas.Add(ReadMetaItem(ref reader, slot, index++, reader.Position, allowNull: true));
        }
    }

    private JsonMetaItem ReadMetaItem(ref TReader reader, JsonMemberSlot slot, int index, SourcePosition position, bool allowNull)
    {
        if (allowNull && reader.TokenType == JsonTokenType.Null)
        {
            return new JsonMetaItem(null, JsonItemState.Null, position);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            ReportNotObject(ref reader, "_" + slot.WireName, index, position);
            return new JsonMetaItem(null, JsonItemState.Invalid, position);
        }

        EnsureDepth(ref reader);
        _path.Push(slot.WireName, index);
        var children = ReadMembers(ref reader, slot.Type!, false);
        _path.Pop();
        return new JsonMetaItem(children, JsonItemState.Present, position);
    }

    // The reports of defects that several reading methods share.
    private void ReportArrayExpected(string name, SourcePosition position) =>
        Report(FhirIssues.ArrayExpected, Location(name), position, $"'{name}' repeats, so its value must be an array.");

    private void ReportRepeatUnexpected(string name, SourcePosition position) =>
        Report(FhirIssues.RepeatUnexpected, Location(name), position, $"'{name}' does not repeat, but an array was given.");

    private void ReportEmptyArray(string name, SourcePosition position) =>
        Report(FhirIssues.ElementEmpty, Location(name), position, $"The '{name}' array is empty.");

    private void ReportNull(string name, int index, SourcePosition position) =>
        Report(FhirIssues.NullUnexpected, Location(name, index), position, $"'{name}' is null.");

    private void ReportWrongJsonType(JsonMember member, JsonTokenType token, int index, SourcePosition position) =>
        Report(FhirIssues.JsonTypeWrong, Location(member.WireName, index), position,
            $"'{member.WireName}' is a {member.TypeName} and must be a JSON {member.JsonKind.ToString().ToLowerInvariant()}, not {Describe(token)}.");
}
