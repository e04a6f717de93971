using System.Globalization;
using System.Text.RegularExpressions;

namespace Itk3.Fhir.Primitives;

/// <summary>Checks primitive values against the STU3 lexical forms (boolean, integer, decimal, date, dateTime, instant, id, uri...).</summary>
public static partial class PrimitiveLexicon
{
    /// <summary>True when <paramref name="value"/> is a valid lexical form of the primitive type <paramref name="typeName"/>.</summary>
    public static bool IsValid(string typeName, string value) => !HasControlCharacters(value) && IsValidForm(typeName, value);

    /// <summary>True when the text holds a control character other than tab, line feed and carriage return (no FHIR value may).</summary>
    public static bool HasControlCharacters(ReadOnlySpan<char> value)
    {
        int index;
        while ((index = value.IndexOfAnyInRange('\0', '\u001f')) >= 0)
        {
            if (value[index] is not ('\t' or '\n' or '\r'))
            {
                return true;
            }

            value = value[(index + 1)..];
        }

        return false;
    }

    private static bool IsValidForm(string typeName, string value) => typeName switch
    {
        "boolean" => value is "true" or "false",
        "integer" => IsInteger(value, allowSign: true, minimum: int.MinValue),
        "unsignedInt" => IsInteger(value, allowSign: false, minimum: 0),
        "positiveInt" => IsInteger(value, allowSign: true, minimum: 1) && value[0] != '-',
        "decimal" => DecimalForm().IsMatch(value),
        "date" => IsDate(value),
        "dateTime" => IsDateTime(value, requireFullPrecision: false),
        "instant" => IsDateTime(value, requireFullPrecision: true),
        "time" => IsTime(value),
        "id" => IdForm().IsMatch(value),
        "oid" => OidForm().IsMatch(value),
        "uuid" => UuidForm().IsMatch(value),
        // STU3 gives uri no lexical rule beyond xs:anyURI, and the official definitions themselves carry uris with spaces.
        "uri" => true,
        "code" => CodeForm().IsMatch(value),
        "base64Binary" => IsBase64(value),
        _ => true,
    };

    private static bool IsInteger(string value, bool allowSign, long minimum)
    {
        var span = value.AsSpan();
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            if (!allowSign)
            {
                return false;
            }

            span = span[1..];
        }

        if (span.Length == 0 || (span[0] == '0' && span.Length > 1) || span.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && number >= minimum && number <= int.MaxValue;
    }

    // IsMatch and fixed offsets instead of Match groups: checking a date allocates nothing (it runs for every date parsed).
    private static bool IsDate(string value) => DateForm().IsMatch(value) && IsRealDate(value);

    // The pattern only allows a time after a full date, so a value longer than yyyy-MM-dd carries a time.
    private static bool IsDateTime(string value, bool requireFullPrecision) =>
        DateTimeForm().IsMatch(value) && IsRealDate(value) && (!requireFullPrecision || value.Length > 10);

    private static bool IsRealDate(ReadOnlySpan<char> value)
    {
        if (value.Length < 10)
        {
            return true;
        }

        var year = int.Parse(value[..4], CultureInfo.InvariantCulture);
        var month = int.Parse(value[5..7], CultureInfo.InvariantCulture);
        var day = int.Parse(value[8..10], CultureInfo.InvariantCulture);
        return year >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static bool IsTime(string value) => TimeForm().IsMatch(value);

    private static bool IsBase64(string value)
    {
        var significant = 0;
        var padding = 0;
        foreach (var c in value)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                continue;
            }

            if (c == '=')
            {
                padding++;
            }
            else if (padding > 0 || !(char.IsAsciiLetterOrDigit(c) || c == '+' || c == '/'))
            {
                return false;
            }

            significant++;
        }

        return significant % 4 == 0 && padding <= 2;
    }

    [GeneratedRegex(@"\A-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\z")]
    private static partial Regex DecimalForm();

    [GeneratedRegex(@"\A(?<year>[0-9]{4})(-(?<month>0[1-9]|1[0-2])(-(?<day>0[1-9]|[12][0-9]|3[01]))?)?\z")]
    private static partial Regex DateForm();

    [GeneratedRegex(@"\A(?<year>[0-9]{4})(-(?<month>0[1-9]|1[0-2])(-(?<day>0[1-9]|[12][0-9]|3[01])(?<time>T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?\z")]
    private static partial Regex DateTimeForm();

    [GeneratedRegex(@"\A([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?\z")]
    private static partial Regex TimeForm();

    [GeneratedRegex(@"\A[A-Za-z0-9\-\.]{1,64}\z")]
    private static partial Regex IdForm();

    [GeneratedRegex(@"\Aurn:oid:[0-2](\.(0|[1-9][0-9]*))+\z")]
    private static partial Regex OidForm();

    [GeneratedRegex(@"\Aurn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\z")]
    private static partial Regex UuidForm();

    [GeneratedRegex(@"\A[^\s]+(\s[^\s]+)*\z")]
    private static partial Regex CodeForm();
}
