using System.Buffers.Text;
using System.Text;
using Itk3.Fhir.Primitives;
using static Itk3.Fhir.Serialization.Tests.Json.JsonTestSupport;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>
/// Long base64Binary values are first checked on their UTF-8 bytes; only a "valid" verdict is trusted there (anything
/// else goes to the primitive lexicon), so a byte-level "valid" must never be a lexicon "invalid".
/// </summary>
public sealed class JsonBase64Tests
{
    [Theory]
    [InlineData("!")]
    [InlineData("A=AA")]
    [InlineData("AAA")]
    [InlineData("====")]
    public void Long_invalid_base64_is_reported(string damage)
    {
        var content = new string('A', 400) + damage;

        var result = Parse($$"""{"resourceType":"Binary","contentType":"a/b","content":"{{content}}"}""");

        Assert.Equal("Binary.content", Single(result, "primitive-invalid").Location);
    }

    [Fact]
    public void Byte_level_base64_check_never_accepts_what_the_lexicon_rejects()
    {
        var accepted = 0;
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n-_!";
        var random = new Random(20261121);
        for (var i = 0; i < 5000; i++)
        {
            var chars = new char[257 + random.Next(16)];
            for (var c = 0; c < chars.Length; c++)
            {
                // Mostly valid characters, so that both verdicts occur often.
                chars[c] = random.Next(50) == 0 ? alphabet[random.Next(alphabet.Length)] : alphabet[random.Next(64)];
            }

            var text = new string(chars);
            if (random.Next(3) == 0)
            {
                text = text[..(text.Length / 4 * 4 - 2)] + "==";
            }

            var byteLevel = Base64.IsValid(Encoding.UTF8.GetBytes(text));
            Assert.True(!byteLevel || PrimitiveLexicon.IsValid("base64Binary", text), $"case {i}: {text}");
            accepted += byteLevel ? 1 : 0;
        }

        Assert.True(accepted > 500, $"only {accepted} cases were valid base64; the generator proves little");
    }
}
