using System.Text;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization.Reading;
using Itk3.Fhir.Serialization.Tests.Support;
using Itk3.Fhir.Serialization.Xml;
using Xunit.Abstractions;

namespace Itk3.Fhir.Serialization.Tests.Xml;

/// <summary>
/// The lean XML reader against the framework's: a parse of bytes (which tries <see cref="LeanXmlReader"/> first) and a
/// parse of a stream (always <see cref="System.Xml.XmlReader"/>) must give the same tree, values and positions included,
/// and the same issues, on hand-made edge cases and on seeded byte-level mutations of real documents. Each case also
/// says which reader read it, so that the comparison is known to have exercised the lean one.
/// </summary>
public sealed class LeanXmlReaderTests(ITestOutputHelper output)
{
    private const string Patient = "<Patient xmlns=\"http://hl7.org/fhir\">";

    // The mutations' base seed: 20261203 unless ITK3_SEED is set; a failure names its seed.
    private static readonly int BaseSeed = int.TryParse(Environment.GetEnvironmentVariable("ITK3_SEED"), out var seed) ? seed : 20261203;

    // 400 base64 characters: long enough to be kept as bytes.
    private const string LongBase64 = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk" +
        "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk" +
        "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk" +
        "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk" +
        "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=";

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Patient + "<id value=\"a\"/></Patient>")]
    [InlineData("<?xml version='1.0' encoding='utf-8' standalone='yes' ?>" + Patient + "<id value=\"a\"/></Patient>")]
    [InlineData("\uFEFF" + Patient + "<id value=\"a\"/><active value=\"true\" /></Patient>")]
    [InlineData("<!-- before -->\r\n" + Patient + "\r\n  <id value=\"a\"/>\r\n  <gender value=\"male\"/>\r\n</Patient>\r\n<!-- after -->\r\n")]
    [InlineData(Patient + "\n\t<id\n  value = 'a&amp;b'\t/>\n</Patient>")]
    [InlineData(Patient + "<name><family value=\"O&apos;Brien &lt;&gt;&quot;\"/><given value=\"a&#9;b&#10;c&#13;d&#x20AC;&#128512;\"/></name></Patient>")]
    [InlineData(Patient + "<name><family value=\"tab\tline\nbreak\r\nend\"/></name></Patient>")]
    [InlineData(Patient + "<name><family value=\"Zoë Ærø 😀\"/></name>\n  <gender value=\"female\"/><birthDate value=\"1970\"/></Patient>")]
    [InlineData(Patient + "<text><status value=\"generated\"/><div xmlns=\"http://www.w3.org/1999/xhtml\">\r\n<p class=\"x\" title='t&#10;u'>Zoë &amp; &#160;<b>bold</b>\r\n text</p><br/>\t<img src=\"a.png\" alt=\"\"/></div></text></Patient>")]
    [InlineData(Patient + "<text><status value=\"generated\"/><div xmlns=\"http://www.w3.org/1999/xhtml\"><font>old</font><p onclick=\"x()\">y</p><script>z</script></div></text></Patient>")]
    [InlineData(Patient + "<unknown value=\"1\"/><id value=\" padded \"/><active value=\"yes\"/><gender value=\"F\"/></Patient>")]
    [InlineData(Patient + "<active>true</active><id value=\"a\">text</id></Patient>")]
    [InlineData(Patient + "<id value=\"a\"/><id value=\"b\"/></Patient>")]
    [InlineData("<Patient xmlns=\"http://example.org\"><id value=\"a\"/></Patient>")]
    [InlineData("<Patient><id value=\"a\"/></Patient>")]
    [InlineData("<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"collection\"/><entry><resource><Patient><id value=\"a\"/></Patient></resource></entry></Bundle>")]
    [InlineData(Patient + "<id value=\"a\"/>\n  &amp;</Patient>")]
    [InlineData("<Binary xmlns=\"http://hl7.org/fhir\"><contentType value=\"text/plain\"/><content value=\"" + LongBase64 + "\"/></Binary>")]
    [InlineData("<Binary xmlns=\"http://hl7.org/fhir\"><contentType value=\"text/plain\"/><content value=\"" + LongBase64 + "!\"/></Binary>")]
    [InlineData("<Binary xmlns=\"http://hl7.org/fhir\"><contentType value=\"text/plain\"/><content value=\"" + LongBase64 + "&#10;" + LongBase64 + "\"/></Binary>")]
    [InlineData("<Binary xmlns=\"http://hl7.org/fhir\"><contentType value=\"text/plain\"/><content value=\"" + LongBase64 + "\">text</content></Binary>")]
    public void Valid_documents_are_read_by_the_lean_reader_exactly_as_by_the_framework(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        Assert.True(ReadsLean(bytes), "the lean reader left the input to the framework's");
        AssertSameAsFramework(bytes, xml);
    }

    [Theory]
    [InlineData("<!DOCTYPE Patient [<!ENTITY e \"x\">]>" + Patient + "<id value=\"&e;\"/></Patient>")]
    [InlineData(Patient + "<id value=\"a\"/><!-- inside --></Patient>")]
    [InlineData(Patient + "<id value=\"a\"/><text>&#32; &#10;</text></Patient>")]
    [InlineData(Patient + "<id value=\"a\"/><?pi x?></Patient>")]
    [InlineData(Patient + "<text><status value=\"generated\"/><div xmlns=\"http://www.w3.org/1999/xhtml\"><![CDATA[<b>]]></div></text></Patient>")]
    [InlineData("<f:Patient xmlns:f=\"http://hl7.org/fhir\"><f:id value=\"a\"/></f:Patient>")]
    [InlineData(Patient + "<text><status value=\"generated\"/><div xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\">x</div></text></Patient>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + Patient + "<id value=\"a\"/></Patient>")]
    [InlineData(Patient + "<id value=\"a\"/></Patient>\r")]
    [InlineData(Patient + "<id value=\"a\"/>\r</Patient>")]
    [InlineData(Patient + "<id value=\"a\"/>\u0001</Patient>")]
    [InlineData(Patient + "<id value=\"a\uFFFEb\"/></Patient>")]
    [InlineData(Patient + "<id value=\"a\"/></Patient")]
    [InlineData(Patient + "<id value=\"a\"/></Patients>")]
    [InlineData(Patient + "<id value=\"a\" value=\"b\"/></Patient>")]
    [InlineData(Patient + "<id value=\"a\"x=\"b\"/></Patient>")]
    [InlineData(Patient + "<id value=\"a<b\"/></Patient>")]
    [InlineData(Patient + "<id value=\"a&b;\"/></Patient>")]
    [InlineData(Patient + "<id value=\"a&#0;\"/></Patient>")]
    [InlineData(Patient + "<id value=\"a&#xD800;\"/></Patient>")]
    [InlineData(Patient + "<id value=\"a\"/>]]></Patient>")]
    [InlineData(Patient + "<id value=\"a\"/></Patient><Patient/>")]
    [InlineData(Patient + "<id value=\"a\"/>")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(Patient + "<id value=\"a\"/></Patient>trailing")]
    [InlineData("<Patient xmlns=\"http://www.w3.org/2000/xmlns/\"/>")]
    public void Input_outside_the_lean_subset_falls_back_and_is_reported_as_by_the_framework(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        Assert.False(ReadsLean(bytes), "the lean reader took input it should leave to the framework's: " + xml);
        AssertSameAsFramework(bytes, xml);
    }

    [Fact]
    public void Invalid_utf8_falls_back()
    {
        var bytes = Encoding.UTF8.GetBytes(Patient + "<id value=\"a\"/><name><family value=\"X\"/></name></Patient>");
        bytes[^20] = 0xC3;
        Assert.False(ReadsLean(bytes));
        AssertSameAsFramework(bytes, "invalid UTF-8");
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_reported_at_the_same_place()
    {
        var xml = Patient + string.Concat(Enumerable.Repeat("<contained><Patient>", 80)) + string.Concat(Enumerable.Repeat("</Patient></contained>", 80)) + "</Patient>";
        var bytes = Encoding.UTF8.GetBytes(xml);
        Assert.True(ReadsLean(bytes));
        AssertSameAsFramework(bytes, "deep nesting");
    }

    [Fact]
    public void Mutated_documents_read_alike_whichever_reader_takes_them()
    {
        var sources = new[]
        {
            File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "discharge-summary-document.xml")),
            GoldenFile.Read(Path.Combine("Xml", "message-bundle.xml")),
            GoldenFile.Read(Path.Combine("Xml", "primitives.xml")),
            GoldenFile.Read(Path.Combine("Xml", "document-bundle.input.xml")),
        };
        var (cases, lean) = (0, 0);
        foreach (var source in sources)
        {
            for (var i = 0; i < 300; i++)
            {
                var seed = BaseSeed + cases;
                // Half the cases change values (the markup stays well-formed), half change the markup itself.
                var mutated = i % 2 == 0 ? Reading.ValueMutator.Mutate(source, FhirFormat.Xml, new Random(seed)) : Mutate(source, new Random(seed));
                lean += ReadsLean(mutated) ? 1 : 0;
                AssertSameAsFramework(mutated, $"seed {seed}");
                cases++;
            }
        }

        output.WriteLine($"{cases} mutated documents, {lean} read by the lean reader");
        Assert.InRange(lean, cases / 4, cases - (cases / 10));
    }

    [Theory]
    [InlineData("<p class=\"a\" title=\"x &amp; y\">x &amp; y &lt;z&gt; &quot;q&quot; 'a'</p><br/>\r\n<table><tr><td>1</td></tr></table>\n\tZoë", true)]
    [InlineData("<p>a</p><script>alert(1)</script><p onclick=\"x()\">b</p><font>c</font>", true)]
    [InlineData("<p>a</b>", true)]
    [InlineData("<br />", false)]
    [InlineData("<p class='a'>x</p>", false)]
    [InlineData("<p>a&#160;b</p>", false)]
    [InlineData("<p>it&apos;s</p>", false)]
    [InlineData("<p>a > b</p>", false)]
    [InlineData("<p>say \"hi\"</p>", false)]
    [InlineData("<p title=\"a>b\">x</p>", false)]
    [InlineData("<p title=\"a\tb\">x</p>", false)]
    [InlineData("<p  class=\"a\">x</p>", false)]
    [InlineData("<p xmlns=\"http://www.w3.org/1999/xhtml\">x</p>", false)]
    [InlineData("<p>a</p ><p/>", false)]
    public void A_div_already_in_the_serializers_form_is_taken_as_it_is_and_reads_as_the_framework_reads_it(string content, bool canonical)
    {
        var xml = Patient + "<text><status value=\"generated\"/><div xmlns=\"http://www.w3.org/1999/xhtml\">" + content + "</div></text></Patient>";
        var bytes = Encoding.UTF8.GetBytes(xml);

        Assert.Equal(canonical, TakesCanonicalDiv(bytes));
        AssertSameAsFramework(bytes, xml);
    }

    [Theory]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\" class=\"a\">x</div>")]
    [InlineData("<div xmlns='http://www.w3.org/1999/xhtml'>x</div>")]
    [InlineData("<div  xmlns=\"http://www.w3.org/1999/xhtml\">x</div>")]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"/>")]
    public void Only_the_serializers_own_div_start_tag_is_taken_as_it_is(string div)
    {
        var xml = Patient + "<text><status value=\"generated\"/>" + div + "</text></Patient>";
        var bytes = Encoding.UTF8.GetBytes(xml);

        Assert.False(TakesCanonicalDiv(bytes));
        AssertSameAsFramework(bytes, xml);
    }

    /// <summary>Reads to the first div with the lean reader and asks it for the div as it stands.</summary>
    private static bool TakesCanonicalDiv(byte[] bytes)
    {
        using var reader = new LeanXmlReader(bytes, new CountingNameTable(), new Itk3.Fhir.Serialization.Json.AsciiTable<bool>());
        while (reader.Read())
        {
            if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.LocalName == "div")
            {
                return reader.TryGetCanonicalDiv(out _);
            }
        }

        return false;
    }

    private static bool ReadsLean(byte[] bytes) =>
        FhirXmlReader.TryReadLean(bytes, new ParseContext(ParseOptions.Default), out _);

    private static void AssertSameAsFramework(byte[] bytes, string label)
    {
        foreach (var options in new[] { ParseOptions.Default, ParseOptions.Lenient })
        {
            var fromBytes = FhirSerializer.Parse(bytes, FhirFormat.Xml, options);
            var fromStream = FhirSerializer.Parse(new MemoryStream(bytes), FhirFormat.Xml, options);
            Assert.True(Describe(fromStream.Issues) == Describe(fromBytes.Issues), $"{label}: the issues differ\n{Describe(fromStream.Issues)}\n----\n{Describe(fromBytes.Issues)}");
            Assert.True(Describe(fromStream.Root) == Describe(fromBytes.Root), $"{label}: the trees differ");
        }
    }

    private static string Describe(IEnumerable<Issues.Issue> issues) =>
        string.Join("\n", issues.Select(issue => $"{issue.Code} {issue.Severity} {issue.Location} {issue.Position} {issue.Message}"));

    private static string Describe(ElementNode? node)
    {
        var text = new StringBuilder();
        Describe(node, 0, text);
        return text.ToString();
    }

    private static void Describe(ElementNode? node, int depth, StringBuilder text)
    {
        if (node is null)
        {
            text.Append("(none)");
            return;
        }

        text.Append(' ', depth).Append(node.Name).Append(' ').Append(node.ResourceType).Append(' ').Append(node.Position)
            .Append(' ').Append(node.Value is null ? "-" : Convert.ToBase64String(Encoding.UTF8.GetBytes(node.Value))).Append('\n');
        foreach (var child in node.Children)
        {
            Describe(child, depth + 1, text);
        }
    }

    private static readonly string[] Snippets =
    [
        "<", ">", "&", "&amp;", "&#10;", "&#0;", "&#x1F600;", "\"", "'", "\r", "\r\n", "\n", "\t", " ", "<!-- c -->", "<![CDATA[x]]>",
        "]]>", " xmlns:x=\"u\"", "x:", "é", "\uFFFE", "/>", "</a>", "=", "<b>", "</b>", " a=\"1\"", "&#13;", "&lt;", "\u0001",
    ];

    /// <summary>One to three edits: a snippet of markup inserted, a short range deleted or doubled, or a byte changed.</summary>
    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = source.ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            var length = Math.Min(random.Next(1, 12), bytes.Count - at);
            switch (random.Next(5))
            {
                case 0 or 1:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Snippets[random.Next(Snippets.Length)]));
                    break;
                case 2:
                    bytes.RemoveRange(at, length);
                    break;
                case 3:
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    bytes[at] = (byte)random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }
}
