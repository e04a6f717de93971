using System.Text;
using System.Text.Json;
using Itk3.Fhir.Serialization.Json;
using Xunit.Abstractions;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>The one-pass string decoder gives what <see cref="Utf8JsonReader.GetString"/> gives, and refuses what it refuses.</summary>
public sealed class JsonStringDecoderTests(ITestOutputHelper output)
{
    private static readonly string[] Pieces =
    [
        "a", "Z", " ", "<div>", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0041", "\\u00e9", "\\u20AC", "\\u003c",
        "é", "€", "😀", "\\ud83d\\ude00", "\\uD83D\\uDE00", "\\ud83d", "\\ude00", "\\ud83d\\u0041", "\\ud83dx",
    ];

    [Theory]
    [InlineData("\"plain \\\"quoted\\\" text\\n\"")]
    [InlineData("\"\\u00e9t\\u00E9 \\ud83d\\ude00\"")]
    [InlineData("\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">\\r\\n\\t<p>x</p></div>\"")]
    public void Decodes_escapes_as_the_reader_does(string json) => AssertSameAsReader(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("\"\\ude00\"")]
    [InlineData("\"\\ud83d\"")]
    [InlineData("\"\\ud83d\\u0041\"")]
    [InlineData("\"\\ud83d\\n\"")]
    public void Refuses_the_surrogate_escapes_the_reader_refuses(string json) => AssertSameAsReader(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Refuses_invalid_UTF_8_beside_an_escape()
    {
        byte[] json = [(byte)'"', (byte)'\\', (byte)'n', 0xC3, (byte)'"'];

        AssertSameAsReader(json);
    }

    [Fact]
    public void Agrees_with_the_reader_on_random_escaped_strings()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ITK3_PROPERTY_SEED"), out var configured) ? configured : 777;
        var random = new Random(seed);
        var decoder = new JsonStringDecoder();
        var refused = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder("\"");
            for (var n = random.Next(1, 12); n > 0; n--)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var json = Encoding.UTF8.GetBytes(text.Append('"').ToString());
            try
            {
                refused += AssertSameAsReader(json, decoder) ? 0 : 1;
            }
            catch (Exception)
            {
                output.WriteLine($"Seed {seed} (rerun with ITK3_PROPERTY_SEED={seed}): {text}");
                throw;
            }
        }

        output.WriteLine($"20000 strings, {refused} refused by both");
        Assert.InRange(refused, 1, 19_999);
    }

    /// <summary>Asserts both give the same string or both throw InvalidOperationException; true when both gave a string.</summary>
    private static bool AssertSameAsReader(byte[] json, JsonStringDecoder? decoder = null)
    {
        var reader = new Utf8JsonReader(json);
        Assert.True(reader.Read());
        string? expected;
        try
        {
            expected = reader.GetString();
        }
        catch (InvalidOperationException)
        {
            expected = null;
        }

        decoder ??= new JsonStringDecoder();
        string? actual;
        try
        {
            var tokens = new Utf8JsonTokenSource(reader, new JsonLineIndex(json));
            actual = decoder.GetString(ref tokens);
        }
        catch (InvalidOperationException)
        {
            actual = null;
        }

        Assert.Equal(expected, actual);
        return expected is not null;
    }
}
