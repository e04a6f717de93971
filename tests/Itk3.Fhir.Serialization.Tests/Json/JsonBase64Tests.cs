using static Itk3.Fhir.Serialization.Tests.Json.JsonTestSupport;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>
/// Long base64Binary values are first checked on their UTF-8 bytes (kept as bytes when valid); anything else goes to the
/// primitive lexicon, which reports it. The byte-level check itself is tested against the definition in Base64FormTests.
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
}
