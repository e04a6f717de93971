using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization.Reading;
using Itk3.Fhir.Serialization.Xml;

namespace Itk3.Fhir.Serialization.Tests.Reading;

public sealed class FastXhtmlCheckerTests
{
    private const string Ns = "xmlns=\"http://www.w3.org/1999/xhtml\"";

    [Theory]
    [InlineData("<div " + Ns + "/>")]
    [InlineData("<div " + Ns + "></div>")]
    [InlineData("<div " + Ns + "><p>Hello</p></div>")]
    [InlineData("<div\n  " + Ns + "\n>\n  <p class='a' id=\"b\">x &amp; y &lt; z &gt; &quot;q&quot; &apos;</p>\n</div>\n")]
    [InlineData("<div " + Ns + "><table border=\"1\"><tr><td>1</td><td>caf\u00e9 \u2019s</td></tr></table><br/><br /></div>")]
    [InlineData("<div " + Ns + "><!-- a comment - with a dash --><p>&#65;&#x42;&#xe9;&#9;&#10;</p></div>")]
    [InlineData("<div " + Ns + "><a href=\"http://example.org/?a=1&amp;b=2\">link</a><img src = 'x.png' alt=\"&lt;a&gt;\"/></div>")]
    [InlineData("<div " + Ns + "><p>a > b ]] c</p><span>  </span></div>  \r\n")]
    [InlineData("<div " + Ns + "><p>a</p \n><span>b</span\t></div >")]
    [InlineData("<div " + Ns + "><a href=\"java.html\">j</a><a href=\" javascrip\">j</a></div>")]
    public void Vouches_for_the_common_subset_that_the_xml_reader_accepts(string div)
    {
        Assert.True(FastXhtmlChecker.IsCertainlyValid(div));
        Assert.True(SlowCheck(div).Valid);
        Assert.Null(new XhtmlDivValidator().ReadProblem(div));
    }

    [Theory]
    [InlineData("<div " + Ns + "><p>unclosed</div>")]
    [InlineData("<div " + Ns + "><p>a</q></div>")]
    [InlineData("<div " + Ns + "><p>a</pa></div>")]
    [InlineData("<div " + Ns + "><span>a</spa></div>")]
    [InlineData("<div " + Ns + "><p>a</p:x></div>")]
    [InlineData("<div " + Ns + "><p>a</p")]
    [InlineData("<div " + Ns + "><p>a & b</p></div>")]
    [InlineData("<div " + Ns + "><p>&nbsp;</p></div>")]
    [InlineData("<div " + Ns + "><p>&#1;</p></div>")]
    [InlineData("<div " + Ns + "><p>&#X41;</p></div>")]
    [InlineData("<div " + Ns + "><p>a ]]> b</p></div>")]
    [InlineData("<div " + Ns + "><!-- a -- b --></div>")]
    [InlineData("<div " + Ns + "><!-- a ---></div>")]
    [InlineData("<div " + Ns + "><p a=\"1\" a=\"2\">x</p></div>")]
    [InlineData("<div " + Ns + "><p a=\"1\"b=\"2\">x</p></div>")]
    [InlineData("<div " + Ns + "><p a=\"<\">x</p></div>")]
    [InlineData("<div " + Ns + "><p a=1>x</p></div>")]
    [InlineData("<div " + Ns + "><p>\u0001</p></div>")]
    [InlineData("<div " + Ns + "><script>alert(1)</script></div>")]
    [InlineData("<div " + Ns + "><SCRIPT>alert(1)</SCRIPT></div>")]
    [InlineData("<div " + Ns + "><p onClick=\"x()\">a</p></div>")]
    [InlineData("<div " + Ns + "><a href=\"JavaScript:x()\">a</a></div>")]
    [InlineData("<div " + Ns + "><a href=\" &#9;javascript:x()\">a</a></div>")]
    [InlineData("<div " + Ns + "><a href=\"&#106;avascript&#x3a;x()\">a</a></div>")]
    [InlineData("<div><p>x</p></div>")]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml/\"><p>x</p></div>")]
    [InlineData("<p " + Ns + ">x</p>")]
    [InlineData("<div " + Ns + "></div><div " + Ns + "></div>")]
    [InlineData("<div " + Ns + "></div>x")]
    [InlineData("<div " + Ns + ">")]
    public void Does_not_vouch_for_a_div_the_xml_reader_path_rejects(string div)
    {
        Assert.False(FastXhtmlChecker.IsCertainlyValid(div));
        var (valid, issues) = SlowCheck(div);
        Assert.False(valid);
        Assert.NotEmpty(issues);
    }

    [Theory]
    [InlineData(" <div " + Ns + "></div>")]
    [InlineData("<h:div xmlns:h=\"http://www.w3.org/1999/xhtml\"></h:div>")]
    [InlineData("<div " + Ns + " xml:lang=\"en\"></div>")]
    [InlineData("<div " + Ns + "><![CDATA[a]]></div>")]
    [InlineData("<div " + Ns + "><?pi x?></div>")]
    [InlineData("<div " + Ns + "><svg xmlns=\"http://www.w3.org/2000/svg\"/></div>")]
    [InlineData("<div " + Ns + "><p>\ud83d\ude00</p></div>")]
    [InlineData("<div " + Ns + "><a href=\"\u00a0x\">a</a></div>")]
    [InlineData("<div " + Ns + "></div><!-- after -->")]
    public void Leaves_valid_content_outside_the_subset_to_the_xml_reader(string div)
    {
        Assert.False(FastXhtmlChecker.IsCertainlyValid(div));
    }

    [Fact]
    public void Never_vouches_for_a_mutated_div_that_the_xml_reader_rejects()
    {
        const int seed = 20261121;
        var random = new Random(seed);
        var vouched = 0;
        var refused = 0;
        var writerValidator = new XhtmlDivValidator();
        for (var i = 0; i < 20000; i++)
        {
            var div = XhtmlMutator.Mutate(random);
            if (!FastXhtmlChecker.IsCertainlyValid(div))
            {
                refused++;
                continue;
            }

            vouched++;
            var (valid, issues) = SlowCheck(div);
            Assert.True(valid && issues.Count == 0, $"seed {seed}, case {i}: fast checker accepted what XmlReader rejects: {div}");
            Assert.True(writerValidator.ReadProblem(div) is null, $"seed {seed}, case {i}: the writer's reader rejects: {div}");
        }

        // Both answers must be common, or the comparison proves nothing.
        Assert.InRange(vouched, 2000, 18000);
        Assert.InRange(refused, 2000, 18000);
    }

    private static (bool Valid, IReadOnlyList<Itk3.Fhir.Issues.Issue> Issues) SlowCheck(string div)
    {
        var context = new ParseContext(new ParseOptions());
        var valid = NarrativeChecker.Check(div, "div", new SourcePosition(1, 1), context);
        return (valid, context.Issues);
    }
}
