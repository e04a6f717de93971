namespace Itk3.Fhir.Primitives;

/// <summary>
/// Hand-written matchers for the most frequent STU3 patterns (code, id, the numbers, date, dateTime and time), each
/// equivalent to the generated <see cref="System.Text.RegularExpressions.Regex"/> of its XSD pattern, which stays the
/// definition: a differential test runs both on large random tables. A regex call costs far more than these loops on
/// the short values most elements hold.
/// </summary>
internal static class PatternShortcuts
{
    /// <summary>The matcher for an XSD pattern, or null when the pattern has none (its regex is used).</summary>
    public static TextCheck? For(string xsdPattern) => xsdPattern switch
    {
        @"[^\s]+([\s]?[^\s]+)*" => IsCode,
        @"[A-Za-z0-9\-\.]{1,64}" => IsId,
        @"-?([0]|([1-9][0-9]*))(\.[0-9]+)?" => value => IsDecimal(value, allowFraction: true),
        @"-?([0]|([1-9][0-9]*))" => value => IsDecimal(value, allowFraction: false),
        @"[0]|([1-9][0-9]*)" => value => value.Length > 0 && value[0] != '-' && IsDecimal(value, allowFraction: false),
        @"[1-9][0-9]*" => value => value.Length > 0 && value[0] is >= '1' and <= '9' && IsDigits(value[1..]),
        @"-?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[0-9]|[1-2][0-9]|3[0-1]))?)?" => value => IsDateTime(value, allowTime: false),
        @"-?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[0-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?)?)?)?"
            => value => IsDateTime(value, allowTime: true),
        @"([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?" => value => IsTime(value, out var end) && end == value.Length,
        _ => null,
    };

    /// <summary>XSD whitespace: space, tab, carriage return, line feed.</summary>
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>Non-empty, no whitespace at either end, never two whitespace characters in a row.</summary>
    private static bool IsCode(ReadOnlySpan<char> value)
    {
        if (value.Length == 0 || IsSpace(value[0]) || IsSpace(value[^1]))
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (IsSpace(value[i]) && IsSpace(value[i - 1]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsId(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An optional minus, 0 or digits without a leading zero, then (when allowed) a dot and one or more digits.</summary>
    private static bool IsDecimal(ReadOnlySpan<char> span, bool allowFraction)
    {
        if (span.Length > 0 && span[0] == '-')
        {
            span = span[1..];
        }

        var dot = allowFraction ? span.IndexOf('.') : -1;
        var whole = dot < 0 ? span : span[..dot];
        if (whole.Length == 0 || !IsDigits(whole) || (whole.Length > 1 && whole[0] == '0'))
        {
            return false;
        }

        return dot < 0 || (dot + 1 < span.Length && IsDigits(span[(dot + 1)..]));
    }

    /// <summary>YYYY, YYYY-MM, YYYY-MM-DD, then (dateTime) an optional time with an optional zone.</summary>
    private static bool IsDateTime(ReadOnlySpan<char> s, bool allowTime)
    {
        if (s.Length > 0 && s[0] == '-')
        {
            s = s[1..];
        }

        if (s.Length < 4 || !IsDigits(s[..4]))
        {
            return false;
        }

        if (s.Length == 4)
        {
            return true;
        }

        if (s.Length < 7 || s[4] != '-' || !IsTwoDigits(s[5..7], '0', '1', 2) || s[5..7] is "00")
        {
            return false;
        }

        if (s.Length == 7)
        {
            return true;
        }

        if (s.Length < 10 || s[7] != '-' || !IsTwoDigits(s[8..10], '0', '3', 1))
        {
            return false;
        }

        if (s.Length == 10)
        {
            return true;
        }

        if (!allowTime || s[10] != 'T')
        {
            return false;
        }

        var rest = s[11..];
        return IsTime(rest, out var end) && IsZone(rest[end..]);
    }

    /// <summary>Two digits, the first from <paramref name="low"/> to <paramref name="high"/>; when the first is
    /// <paramref name="high"/>, the second at most <paramref name="maxAfterHigh"/> (months to 12, days to 31).</summary>
    private static bool IsTwoDigits(ReadOnlySpan<char> s, char low, char high, int maxAfterHigh) =>
        s[0] >= low && s[0] <= high && char.IsAsciiDigit(s[1]) && (s[0] != high || s[1] - '0' <= maxAfterHigh);

    /// <summary>hh:mm:ss with an optional fraction at the start of the value; <paramref name="end"/> is where it stops.</summary>
    private static bool IsTime(ReadOnlySpan<char> s, out int end)
    {
        end = 0;
        if (s.Length < 8 || !IsTwoDigits(s[..2], '0', '2', 3) || s[2] != ':' || s[3] is < '0' or > '5' || !char.IsAsciiDigit(s[4])
            || s[5] != ':' || s[6] is < '0' or > '5' || !char.IsAsciiDigit(s[7]))
        {
            return false;
        }

        end = 8;
        if (s.Length > 8 && s[8] == '.')
        {
            end = 9;
            while (end < s.Length && char.IsAsciiDigit(s[end]))
            {
                end++;
            }

            return end > 9;
        }

        return true;
    }

    /// <summary>Nothing, Z, or +hh:mm / -hh:mm from 00:00 to 13:59, or 14:00.</summary>
    private static bool IsZone(ReadOnlySpan<char> s) =>
        s.Length == 0 || s is "Z" || (s.Length == 6 && s[0] is '+' or '-' && s[3] == ':'
            && ((s[1] == '0' && char.IsAsciiDigit(s[2])) || (s[1] == '1' && s[2] is >= '0' and <= '3')) && s[4] is >= '0' and <= '5' && char.IsAsciiDigit(s[5])
            || (s.Length == 6 && s[0] is '+' or '-' && s[1..] is "14:00"));
}
