using System.Text;
using Itk3.Fhir.Primitives;

namespace Itk3.Fhir.Tests.Primitives;

/// <summary>
/// The vectorised base64Binary check (on UTF-16 through the lexicon, and on UTF-8 bytes for the JSON reader) against
/// the per-character definition of the lexical form, on seeded random and mutated texts of every length around the
/// vector widths.
/// </summary>
public sealed class Base64FormTests
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    // What mutations put in: padding, the four whitespace characters, near misses of the alphabet and non-ASCII.
    private const string Damage = "==== \t\r\n-_.!@[`{:/+0AZaz\u0000\u001f\u007f\u0080\u00e9\u00ff\u0100\u2028\uFFFD\uFFFE";

    [Fact]
    public void Vectorised_check_accepts_exactly_what_the_definition_accepts()
    {
        var random = new Random(20261203);
        var verdicts = new int[2];
        for (var i = 0; i < 40_000; i++)
        {
            var text = Mutate(ValidText(random), random);
            var expected = IsValidByDefinition(text);

            Assert.True(expected == PrimitiveLexicon.IsValid("base64Binary", text), $"lexicon, case {i}: {Escape(text)}");
            var utf8 = Encoding.UTF8.GetBytes(text);
            Assert.True(expected == Base64Form.IsValid(utf8), $"UTF-8, case {i}: {Escape(text)}");
            var run = Base64Form.AlphabetRun(utf8);
            Assert.True(utf8[..run].All(b => Alphabet.Contains((char)b)) && (run == utf8.Length || !Alphabet.Contains((char)utf8[run])), $"alphabet run, case {i}: {Escape(text)}");
            Assert.True(expected == Base64Form.IsValid(utf8, run), $"UTF-8 after an alphabet run of {run}, case {i}: {Escape(text)}");
            verdicts[expected ? 1 : 0]++;
        }

        Assert.True(verdicts.Min() > 10_000, $"valid {verdicts[1]}, invalid {verdicts[0]}: the generator proves little");
    }

    [Theory]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xC3, 0xA9 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3 })]
    public void Any_non_ascii_byte_is_invalid_wherever_it_stands(byte[] damage)
    {
        var body = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("QUJD", 100)));
        for (var at = 0; at <= body.Length; at += 37)
        {
            byte[] text = [.. body.AsSpan(0, at), .. damage, .. body.AsSpan(at)];
            Assert.False(Base64Form.IsValid(text), $"damage at {at}");
        }
    }

    /// <summary>The xs:base64Binary rule one character at a time (the form the lexicon had before it was vectorised).</summary>
    private static bool IsValidByDefinition(string value)
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
            else if (padding > 0 || !Alphabet.Contains(c))
            {
                return false;
            }

            significant++;
        }

        return significant % 4 == 0 && padding <= 2;
    }

    /// <summary>Valid base64 of a random length (short, around the vector widths, or long), sometimes with whitespace.</summary>
    private static string ValidText(Random random)
    {
        var length = random.Next(4) switch
        {
            0 => random.Next(12),
            1 => random.Next(12, 140),
            2 => random.Next(140, 600),
            _ => random.Next(600, 5000),
        };
        var text = new StringBuilder(Convert.ToBase64String(RandomBytes(random, length)));
        var spaces = random.Next(3) == 0 ? random.Next(1, 6) : 0;
        for (var i = 0; i < spaces; i++)
        {
            text.Insert(random.Next(text.Length + 1), " \t\r\n"[random.Next(4)]);
        }

        return text.ToString();
    }

    /// <summary>Half the texts stay valid; the rest get one to three changes, often at the ends where vector tails are.</summary>
    private static string Mutate(string text, Random random)
    {
        if (random.Next(2) == 0)
        {
            return text;
        }

        var chars = new StringBuilder(text);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = random.Next(3) switch
            {
                0 => Math.Min(chars.Length, random.Next(4)),
                1 => Math.Max(0, chars.Length - random.Next(4)),
                _ => random.Next(chars.Length + 1),
            };
            var c = random.Next(3) == 0 ? Alphabet[random.Next(Alphabet.Length)] : Damage[random.Next(Damage.Length)];
            switch (random.Next(3))
            {
                case 0 when at < chars.Length:
                    chars[at] = c;
                    break;
                case 1 when at < chars.Length:
                    chars.Remove(at, 1);
                    break;
                default:
                    chars.Insert(at, c);
                    break;
            }
        }

        return chars.ToString();
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:x4}"));
}
