using System.Text;

namespace Itk3.Fhir.Profiles.FhirPath;

/// <summary>Splits a FHIRPath expression into tokens.</summary>
internal static class FhirPathLexer
{
    private static readonly string[] Symbols = ["<=", ">=", "!=", "!~", "=", "~", "<", ">", "|", "+", "-", "*", "/", "&", ".", "(", ")", "[", "]", ",", "{", "}"];

    /// <summary>The tokens; a token is (kind, text) with kinds <c>id</c>, <c>str</c>, <c>num</c>, <c>date</c>, <c>var</c>, <c>sym</c>.</summary>
    public static List<(string Kind, string Text)> Tokenize(string expression)
    {
        var tokens = new List<(string, string)>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < expression.Length && expression[i + 1] == '/')
            {
                i = SkipTo(expression, i, '\n');
            }
            else if (c == '\'' || c == '`')
            {
                var (text, next) = Quoted(expression, i, c);
                tokens.Add((c == '\'' ? "str" : "id", text));
                i = next;
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < expression.Length && (char.IsDigit(expression[i]) || (expression[i] == '.' && i + 1 < expression.Length && char.IsDigit(expression[i + 1]))))
                {
                    i++;
                }

                tokens.Add(("num", expression[start..i]));
            }
            else if (c is '@')
            {
                var start = ++i;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] is '-' or ':' or '.' or '+' or 'T'))
                {
                    i++;
                }

                tokens.Add(("date", expression[start..i]));
            }
            else if (c is '$' or '%' || char.IsLetter(c) || c == '_')
            {
                var start = i++;
                if (c == '%' && i < expression.Length && expression[i] is '`' or '\'')
                {
                    var (text, next) = Quoted(expression, i, expression[i]);
                    tokens.Add(("var", "%" + text));
                    i = next;
                    continue;
                }

                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] == '_' || (expression[i] == '-' && c == '%')))
                {
                    i++;
                }

                tokens.Add((c is '$' or '%' ? "var" : "id", expression[start..i]));
            }
            else
            {
                var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(expression, i, s, 0, s.Length) == 0)
                    ?? throw new FhirPathException($"unexpected character '{c}' at {i}");
                tokens.Add(("sym", symbol));
                i += symbol.Length;
            }
        }

        return tokens;
    }

    private static int SkipTo(string text, int i, char end)
    {
        while (i < text.Length && text[i] != end)
        {
            i++;
        }

        return i;
    }

    private static (string Text, int Next) Quoted(string expression, int i, char quote)
    {
        var builder = new StringBuilder();
        for (i++; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == quote)
            {
                return (builder.ToString(), i + 1);
            }

            if (c == '\\' && i + 1 < expression.Length)
            {
                c = expression[++i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other };
            }

            builder.Append(c);
        }

        throw new FhirPathException("unterminated string");
    }
}
