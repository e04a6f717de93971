using Itk3.Fhir.Primitives;

namespace Itk3.Fhir.Tests.Primitives;

public sealed class PrimitiveLexiconTests
{
    [Theory]
    [InlineData("boolean", "true")]
    [InlineData("integer", "-12")]
    [InlineData("integer", "0")]
    [InlineData("unsignedInt", "0")]
    [InlineData("positiveInt", "7")]
    [InlineData("decimal", "1.10")]
    [InlineData("oid", "urn:oid:5")]
    [InlineData("date", "2017")]
    [InlineData("date", "2017-02")]
    [InlineData("date", "2024-02-29")]
    [InlineData("dateTime", "2017-12-01T10:11:12+00:00")]
    [InlineData("dateTime", "2017-12-01")]
    [InlineData("instant", "2017-12-01T10:11:12.123Z")]
    [InlineData("time", "23:59:59")]
    [InlineData("id", "UNREADABLE-IN-ORIGINAL-MESSAGE")]
    [InlineData("oid", "urn:oid:2.16.840.1.113883")]
    [InlineData("uuid", "urn:uuid:a8b2a3f4-1d2e-4c3b-9a8f-0123456789ab")]
    [InlineData("code", "fatal-error")]
    [InlineData("uri", "https://fhir.nhs.uk/Id/ods-organization-code")]
    [InlineData("uri", "http://www.acme.com/identifiers/patient or urn:ietf:rfc:3986")]
    [InlineData("base64Binary", "SGVsbG8=")]
    [InlineData("string", "line one\r\n\tline two")]
    [InlineData("string", "a pair \uD83D\uDE00 is fine")]
    public void Accepts_valid_lexical_forms(string type, string value) => Assert.True(PrimitiveLexicon.IsValid(type, value));

    [Theory]
    [InlineData("boolean", "True")]
    [InlineData("integer", "01")]
    [InlineData("integer", "2147483648")]
    [InlineData("integer", "1.0")]
    [InlineData("unsignedInt", "-1")]
    [InlineData("positiveInt", "0")]
    [InlineData("decimal", "1.")]
    [InlineData("decimal", "+1")]
    [InlineData("decimal", "1e3")]
    [InlineData("integer", "+5")]
    [InlineData("time", "10:11:60")]
    [InlineData("dateTime", "2017-12-01T10:11:60Z")]
    [InlineData("string", "non-character \uFFFE inside")]
    [InlineData("date", "2017-13")]
    [InlineData("date", "2023-02-29")]
    [InlineData("date", "2017-12-01T10:00:00Z")]
    [InlineData("dateTime", "2017-12-01T10:11:12")]
    [InlineData("dateTime", "2017-12T10:11:12Z")]
    [InlineData("instant", "2017-12-01")]
    [InlineData("instant", "2017-12-01T10:11Z")]
    [InlineData("time", "24:00:00")]
    [InlineData("id", "has space")]
    [InlineData("id", "a_b")]
    [InlineData("oid", "2.16.840")]
    [InlineData("uuid", "urn:uuid:A8B2A3F4-1D2E-4C3B-9A8F-0123456789AB")]
    [InlineData("code", " leading")]
    [InlineData("base64Binary", "SGVsbG8")]
    [InlineData("base64Binary", "SGV$bG8=")]
    [InlineData("string", "bell \u0007 inside")]
    [InlineData("markdown", "nul \u0000")]
    public void Rejects_invalid_lexical_forms(string type, string value) => Assert.False(PrimitiveLexicon.IsValid(type, value));

    [Fact]
    public void Rejects_unpaired_surrogates_which_no_XML_document_can_carry()
    {
        Assert.False(PrimitiveLexicon.IsValid("string", "lone " + '\uD800' + " high"));
        Assert.False(PrimitiveLexicon.IsValid("string", "lone " + '\uDC00' + " low"));
        Assert.False(PrimitiveLexicon.IsValid("string", "ends high " + '\uD83D'));
    }

    [Theory]
    [InlineData("bGQh", true)]
    [InlineData("bGQhAB==", true)]
    [InlineData("bGQhABC=", true)]
    [InlineData(" \r\nbGQh\n", true)]
    [InlineData("bGQhA===", false)]
    [InlineData("bGQhA", false)]
    [InlineData("bGQhAB=", false)]
    [InlineData("bGQ=hABC", false)]
    [InlineData("bGQh\u00e9ABC", false)]
    [InlineData("bGQh-_AB", false)]
    public void Long_base64_values_follow_the_same_rules_as_short_ones(string tail, bool valid)
    {
        // Over 256 characters the vectorised check runs first; its answer must agree with the per-character form.
        var body = string.Concat(Enumerable.Repeat("SGVsbG8gd29y", 30)) + tail;

        Assert.Equal(valid, PrimitiveLexicon.IsValid("base64Binary", body));
    }
}
