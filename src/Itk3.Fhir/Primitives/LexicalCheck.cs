using System.Globalization;
using System.Text.RegularExpressions;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Primitives;

/// <summary>
/// A primitive's lexical rule compiled from <see cref="PrimitiveLexicalRule"/>: the XSD length facets and pattern
/// (run without backtracking, so no value can make it slow), then what the XSD base type adds (a real date, the
/// <c>xs:int</c> range...). Where the STU3 specification's text is stricter than its XSD, the text wins (see docs/fhir.md).
/// </summary>
internal sealed partial class LexicalCheck
{
    private readonly PrimitiveLexicalRule _rule;
    private readonly Regex? _pattern;
    private readonly TextCheck? _shortcut;
    private readonly TextCheck _baseCheck;

    public LexicalCheck(PrimitiveLexicalRule rule)
    {
        _rule = rule;
        _pattern = rule.Pattern is null ? null : new Regex(XsdRegex.ToDotNet(rule.Pattern), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        _shortcut = rule.Pattern is null ? null : PatternShortcuts.For(rule.Pattern);
        _baseCheck = BaseCheck(rule.BaseTypes);
    }

    /// <summary>True when the value matches the XSD pattern (through its shortcut when one exists).</summary>
    public bool MatchesPattern(ReadOnlySpan<char> value) => _shortcut?.Invoke(value) ?? _pattern?.IsMatch(value) ?? true;

    /// <summary>True when the value matches the XSD pattern's regular expression (the definition the shortcuts follow).</summary>
    public bool MatchesPatternRegex(ReadOnlySpan<char> value) => _pattern?.IsMatch(value) ?? true;

    public bool IsValid(ReadOnlySpan<char> value) =>
        (_rule.MinLength is not { } min || value.Length >= min)
        && (_rule.MaxLength is not { } max || value.Length <= max)
        && MatchesPattern(value)
        && _baseCheck(value);

    private static TextCheck BaseCheck(IReadOnlyList<string> bases) => bases[^1] switch
    {
        "xs:int" => value => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        // The XSD bases are unbounded; the STU3 datatypes page limits both to 2,147,483,647.
        "xs:nonNegativeInteger" or "xs:positiveInteger" => value => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        "xs:date" => IsRealDate,
        // The XSD pattern makes the time zone optional; the STU3 text: "If hours and minutes are specified, a time zone SHALL be populated".
        "xs:dateTime" when bases.Count > 1 => value => IsRealDate(value) && (value.Length <= 10 || value[^1] == 'Z' || value[^6] is '+' or '-'),
        // instant has no pattern in the XSD; the STU3 text requires seconds and a time zone.
        "xs:dateTime" => value => InstantForm().IsMatch(value) && IsRealDate(value),
        // xs:boolean also has 1 and 0; STU3 allows only true and false (JSON booleans).
        "xs:boolean" => value => value is "true" or "false",
        "xs:base64Binary" => Base64Form.IsValid,
        _ => _ => true,
    };

    /// <summary>
    /// The date part is a real calendar date: no year 0000, no day 00, no 30 February (xs:date). The pattern allows a
    /// minus sign (BCE years), but the .NET XSD validator refuses them; they are refused so that both answers agree.
    /// </summary>
    private static bool IsRealDate(ReadOnlySpan<char> span)
    {
        if (span[0] == '-' || (span[..4] is "0000"))
        {
            return false;
        }

        var year = int.Parse(span[..4], CultureInfo.InvariantCulture);
        if (span.Length < 10)
        {
            return true;
        }

        var month = int.Parse(span[5..7], CultureInfo.InvariantCulture);
        var day = int.Parse(span[8..10], CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    [GeneratedRegex(@"\A-?[0-9]{4}-(0[1-9]|1[0-2])-(0[0-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))\z")]
    private static partial Regex InstantForm();
}

/// <summary>A check of a primitive value's text.</summary>
internal delegate bool TextCheck(ReadOnlySpan<char> value);
