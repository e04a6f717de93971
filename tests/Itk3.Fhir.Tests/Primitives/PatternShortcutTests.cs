using Itk3.Fhir.Primitives;
using Itk3.Fhir.Schema;
using Xunit.Abstractions;

namespace Itk3.Fhir.Tests.Primitives;

/// <summary>The hand-written pattern matchers answer exactly as the regular expressions generated from the XSD patterns.</summary>
public sealed class PatternShortcutTests(ITestOutputHelper output)
{
    private const string Alphabet = "0123456789012345678901234567890123456789-:.TZ+ \t\r\naAzZ_\u00e9";

    public static TheoryData<string> ShortcutTypes => new(ShortcutTypeNames());

    [Fact]
    public void The_common_patterns_have_shortcuts()
    {
        var types = ShortcutTypeNames().Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["code", "date", "dateTime", "decimal", "id", "integer", "positiveInt", "time", "unsignedInt"], types);
    }

    [Theory]
    [MemberData(nameof(ShortcutTypes))]
    public void Each_shortcut_agrees_with_its_XSD_regex_on_random_and_mutated_values(string type)
    {
        var check = new LexicalCheck(Stu3Schema.Instance.LexicalRules[type]);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ITK3_PROPERTY_SEED"), out var configured) ? configured : 4242;
        var random = new Random(seed);
        string[] valid = ["0", "-12", "1.10", "2017", "2017-02", "2017-12-31", "2017-12-01T10:11:12+14:00", "2017-12-01T23:59:59.5Z",
            "23:59:59", "00:00:00.123", "fatal-error", "a b", "UNREADABLE-IN.ORIGINAL-MESSAGE", "2017-12-01T10:11:12-13:59"];
        var accepted = 0;
        for (var i = 0; i < 40_000; i++)
        {
            var value = i % 2 == 0 ? RandomText(random) : Mutate(valid[random.Next(valid.Length)], random);
            var expected = check.MatchesPatternRegex(value);
            if (check.MatchesPattern(value) != expected)
            {
                output.WriteLine($"Seed {seed} (rerun with ITK3_PROPERTY_SEED={seed})");
                Assert.Fail($"{type}: the shortcut says {!expected} for \"{value}\", the regex {expected}.");
            }

            accepted += expected ? 1 : 0;
        }

        output.WriteLine($"{type}: 40000 values, {accepted} matched");
        Assert.InRange(accepted, 1, 39_999);
    }

    private static IEnumerable<string> ShortcutTypeNames() =>
        Stu3Schema.Instance.LexicalRules.Values.Where(rule => rule.Pattern is not null && PatternShortcuts.For(rule.Pattern) is not null).Select(rule => rule.Name);

    private static string RandomText(Random random)
    {
        var chars = new char[random.Next(0, 30)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    private static string Mutate(string value, Random random)
    {
        var chars = value.ToList();
        for (var edits = random.Next(0, 3); edits > 0; edits--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0 when at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                case 1 when at < chars.Count:
                    chars[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                default:
                    chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
            }
        }

        return new string([.. chars]);
    }
}
