using System.Text;
using System.Text.Json;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Short string and number values read once per parse: repeated values (codes, systems, dates, references) share one
/// string, found again from the raw UTF-8 bytes, and remember the primitive type they were last found valid for, so
/// the lexical check runs once. The cache is bounded; long, escaped, non-ASCII or surplus values are simply not
/// cached. Each entry is the value string (its key, searched by its ASCII bytes) and that type name, kept in the
/// table itself, so a new value costs one string.
/// </summary>
internal sealed class JsonValueCache
{
    private const int MaxBytes = 64;
    private const int MaxEntries = 8192;
    private readonly AsciiTable<string?> _values = new();

    /// <summary>
    /// The shared string of the current string or number token, or null when it is not cacheable;
    /// <paramref name="entry"/> is its entry, or -1 when it is not held (then nothing is remembered about it).
    /// </summary>
    public string? Get<TReader>(ref TReader reader, out int entry)
        where TReader : IJsonTokenSource, allows ref struct
    {
        entry = -1;
        var raw = reader.ValueSpan;
        if (raw.Length > MaxBytes || reader.ValueIsEscaped || !(reader.ValueIsAscii || Ascii.IsValid(raw)))
        {
            return null;
        }

        var known = _values.Find(raw, out var hash);
        if (known >= 0)
        {
            entry = known;
            return _values.KeyAt(known);
        }

        // Unescaped ASCII string content and numbers are their own text (Latin-1 widens ASCII without checking it again).
        var created = Encoding.Latin1.GetString(raw);
        if (_values.Count < MaxEntries)
        {
            entry = _values.Add(raw, created, null, hash);
        }

        return created;
    }

    /// <summary>True when the value of <paramref name="entry"/> was last found valid as <paramref name="typeName"/>.</summary>
    public bool IsValidAs(int entry, string typeName) => entry >= 0 && ReferenceEquals(_values.ValueAt(entry), typeName);

    /// <summary>Remembers that the value of <paramref name="entry"/> (if held) is valid as <paramref name="typeName"/>.</summary>
    public void MarkValid(int entry, string typeName)
    {
        if (entry >= 0)
        {
            _values.ValueAt(entry) = typeName;
        }
    }

    /// <summary>Forgets every value (the strings belong to the tree just read), keeping the table's capacity.</summary>
    public void Clear() => _values.Clear();
}
