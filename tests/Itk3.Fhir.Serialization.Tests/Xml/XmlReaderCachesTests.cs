using System.Text;
using Itk3.Fhir.Schema;
using Itk3.Fhir.Serialization.Tests.Support;
using Itk3.Fhir.Serialization.Xml;

namespace Itk3.Fhir.Serialization.Tests.Xml;

/// <summary>The XML reader's tables kept between parses: lookups stay exact, and no parse leaks into the next.</summary>
public sealed class XmlReaderCachesTests
{
    private const string Patient = "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"p\"/><active value=\"true\"/><gender value=\"male\"/></Patient>";

    [Fact]
    public void Match_cache_resolves_every_element_of_every_type_as_the_type_does_and_again_from_the_table()
    {
        var schema = Stu3Schema.Instance;
        var cache = new ElementMatchCache(schema);
        var pairs = schema.Types
            .SelectMany(type => type.Elements.SelectMany(element => element.TypeNames.Select(typeName => (type, name: element.WireName(typeName)))))
            .Distinct()
            .ToList();
        Assert.True(pairs.Count > 4096, "enough pairs to grow the table and pass its capacity");

        for (var round = 0; round < 2; round++)
        {
            foreach (var (type, name) in pairs)
            {
                Assert.True(type.TryFindElement(name, out var expected));
                Assert.True(cache.TryFind(type, name, out var resolved), $"{type.Name}.{name}");
                Assert.Equal(expected, resolved.Match);
                Assert.Same(expected.Definition.HoldsResource ? null : schema.FindType(expected.TypeName), resolved.Type);
            }
        }

        Assert.Equal(4096, cache.Count);
    }

    [Fact]
    public void Match_cache_answers_for_names_that_are_not_the_cached_instances_and_refuses_unknown_names()
    {
        var schema = Stu3Schema.Instance;
        var cache = new ElementMatchCache(schema);
        var patient = schema.FindType("Patient")!;
        var observation = schema.FindType("Observation")!;
        for (var i = 0; i < 1000; i++)
        {
            var status = new string("status".AsSpan());
            Assert.False(cache.TryFind(patient, status, out _));
            Assert.True(cache.TryFind(observation, status, out var resolved));
            Assert.Equal("code", resolved.Match.TypeName);
            Assert.True(cache.TryFind(patient, new string("active".AsSpan()), out var active));
            Assert.Equal("boolean", active.Match.TypeName);
        }
    }

    [Fact]
    public void A_parse_stopped_by_malformed_xml_leaves_nothing_for_the_next_parse_on_the_thread()
    {
        var broken = XmlTesting.Parse("<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"p\"/><name><family value=\"x\"/><given value=\"y\"/>");
        Assert.Null(broken.Root);
        Assert.Equal(["xml-malformed"], XmlTesting.Codes(broken));

        var unknown = XmlTesting.Parse("<Patient xmlns=\"http://hl7.org/fhir\"><nope/></Patient>");
        var issue = XmlTesting.Single(unknown, "element-unknown");
        Assert.Equal("Patient.nope", issue.Location);

        var result = XmlTesting.Parse(Patient);
        Assert.Empty(result.Issues);
        Assert.Equal(["id", "active", "gender"], result.Root!.Children.Select(child => child.Name));
    }

    [Fact]
    public void A_document_with_more_names_than_the_table_keeps_is_read_in_full_and_the_next_parse_is_unaffected()
    {
        var xml = new StringBuilder("<Patient xmlns=\"http://hl7.org/fhir\"><active value=\"true\"/>");
        for (var i = 0; i < 5000; i++)
        {
            xml.Append("<unknown").Append(i).Append("/>");
        }

        var crowded = XmlTesting.Parse(Encoding.UTF8.GetBytes(xml.Append("</Patient>").ToString()), new ParseOptions { MaxIssues = 10_000 });
        Assert.Equal(5000, crowded.Issues.Count(issue => issue.Code == "element-unknown"));
        Assert.Equal("Patient.unknown4999", crowded.Issues.Last(issue => issue.Code == "element-unknown").Location);

        for (var i = 0; i < 2; i++)
        {
            var result = XmlTesting.Parse(Patient);
            Assert.Empty(result.Issues);
            Assert.Equal(["p", "true", "male"], result.Root!.Children.Select(child => child.Value));
        }
    }

    [Fact]
    public void Narratives_read_after_a_larger_one_on_the_same_thread_are_exact()
    {
        var large = new string('x', 5000);
        var first = XmlTesting.Parse(Narrative($"<p>{large}</p><p>a&amp;b</p>"));
        Assert.Empty(first.Issues);
        Assert.Equal($"<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>{large}</p><p>a&amp;b</p></div>", first.Root!.Select("text.div")!.Value);

        var second = XmlTesting.Parse(Narrative("<p>short</p>"));
        Assert.Empty(second.Issues);
        Assert.Equal("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>short</p></div>", second.Root!.Select("text.div")!.Value);
    }

    [Fact]
    public void Char_builder_holds_what_a_string_builder_holds_across_growth_clears_and_wipes()
    {
        var random = new Random(1313);
        var builder = new CharBuilder();
        for (var round = 0; round < 50; round++)
        {
            var expected = new StringBuilder();
            var pieces = random.Next(1, 200);
            for (var i = 0; i < pieces; i++)
            {
                if (random.Next(3) == 0)
                {
                    var c = (char)random.Next(32, 0xD7FF);
                    expected.Append(c);
                    builder.Append(c);
                }
                else
                {
                    var text = new string((char)random.Next('a', 'z' + 1), random.Next(0, 3000));
                    expected.Append(text);
                    builder.Append(text);
                }
            }

            Assert.Equal(expected.ToString(), builder.ToString());
            Assert.Equal(expected.Length, builder.Length);
            if (round % 2 == 0)
            {
                builder.Clear();
            }
            else
            {
                builder.Wipe();
            }

            Assert.Equal(string.Empty, builder.ToString());
        }
    }

    private static string Narrative(string content) =>
        "<Patient xmlns=\"http://hl7.org/fhir\"><text><status value=\"generated\"/><div xmlns=\"http://www.w3.org/1999/xhtml\">" + content + "</div></text><active value=\"true\"/></Patient>";
}
