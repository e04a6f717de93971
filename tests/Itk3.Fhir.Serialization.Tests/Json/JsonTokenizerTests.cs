using System.Text;
using System.Text.Json;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Schema;
using Itk3.Fhir.Serialization.Json;
using Itk3.Fhir.Serialization.Tests.Support;
using Xunit.Abstractions;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>
/// <see cref="JsonTokenizer"/> against <see cref="Utf8JsonReader"/>, token by token: the same tokens, offsets, depths,
/// values, strings and line and column positions wherever both read; what the reader refuses the tokenizer never accepts; and on valid input it
/// leaves nothing to the reader but what it says it leaves (escaped property names, deeper nesting).
/// </summary>
public sealed class JsonTokenizerTests(ITestOutputHelper output)
{
    private const int BaseSeed = 20261203;
    private const int MutationsPerDocument = 400;
    private static readonly byte[] Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8.ToArray();

    private enum Outcome
    {
        Same,
        BothRefused,
        LeftToReader,
    }

    [Fact]
    public void Valid_documents_are_tokenized_exactly_as_Utf8JsonReader_does_without_falling_back()
    {
        foreach (var (name, json) in ValidDocuments())
        {
            Assert.True(Compare(json) == Outcome.Same, name);
        }
    }

    [Fact]
    public void Mutated_documents_are_refused_where_the_reader_refuses_them_and_read_the_same_elsewhere()
    {
        var counts = new Dictionary<Outcome, int>();
        var documents = ValidDocuments().ToList();
        for (var d = 0; d < documents.Count; d++)
        {
            var random = new Random(BaseSeed + d);
            for (var m = 0; m < MutationsPerDocument; m++)
            {
                var mutated = JsonMutator.Mutate(documents[d].Json, random);
                var outcome = Compare(mutated, $"{documents[d].Name} mutation {m} (seed {BaseSeed + d})");
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            }
        }

        output.WriteLine(string.Join(", ", counts.Select(pair => $"{pair.Key}: {pair.Value}")));
        Assert.True(counts.GetValueOrDefault(Outcome.Same) > 100 && counts.GetValueOrDefault(Outcome.BothRefused) > 100, "the mutations must both keep and break the syntax");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.5e-7")]
    [InlineData("12.50E+3")]
    [InlineData("[1,2.0,-3e2]")]
    [InlineData("01")]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("+1")]
    [InlineData("1x")]
    [InlineData("[1 2]")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\":}")]
    [InlineData("{\"a\":tru}")]
    [InlineData("{\"a\":truex}")]
    [InlineData("{\"a\":nul}")]
    [InlineData("[\"\\x\"]")]
    [InlineData("[\"\\u12G4\"]")]
    [InlineData("[\"\\u12\"]")]
    [InlineData("[\"\\uD800\"]")]
    [InlineData("[\"a\tb\"]")]
    [InlineData("[\"open]")]
    [InlineData("{} {}")]
    [InlineData("{}/")]
    [InlineData("{/*c*/}")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[[[]]]]")]
    [InlineData("{\"a\":[}")]
    [InlineData("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"")]
    public void Edge_cases_give_the_same_tokens_or_are_refused_by_both(string json)
    {
        Assert.NotEqual(Outcome.LeftToReader, Compare(Encoding.UTF8.GetBytes(json), json));
    }

    [Theory]
    [InlineData("{\"a\\u0062\":1}")]
    [InlineData("[\"\\u00e9\"]")]
    public void What_the_tokenizer_leaves_to_the_reader_is_said_and_read_by_the_reader(string json)
    {
        // An escaped property name is left to the reader; an escaped value is read, but its text decoded elsewhere.
        var outcome = Compare(Encoding.UTF8.GetBytes(json), json, readStrings: true);
        Assert.Equal(json.StartsWith('{') ? Outcome.LeftToReader : Outcome.Same, outcome);
    }

    [Theory]
    [InlineData(JsonTokenizer.MaxDepth, Outcome.Same)]
    [InlineData(JsonTokenizer.MaxDepth + 1, Outcome.LeftToReader)]
    public void Nesting_up_to_the_tokenizers_depth_is_read_and_deeper_is_left_to_the_reader(int depth, object expected)
    {
        var json = Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', depth));
        Assert.Equal((Outcome)expected, Compare(json, $"depth {depth}"));
    }

    [Fact]
    public void Invalid_utf8_in_an_unescaped_string_is_refused_by_both_when_its_text_is_read()
    {
        var json = "[\"a\u00e9\"]"u8.ToArray();
        json[3] = 0xFF;
        Assert.Equal(Outcome.BothRefused, Compare(json, "invalid UTF-8", readStrings: true));
    }

    [Fact]
    public void A_parse_the_tokenizer_gives_up_is_read_again_and_reports_each_defect_once()
    {
        // The unknown element is reported by the first attempt, which then stops at the trailing comma; the issues of
        // the attempt are taken back, so the reader's second reading reports both exactly once.
        var json = """{"resourceType":"Patient","unknownThing":1,"gender":"female",}"""u8.ToArray();
        var result = FhirSerializer.Parse(json, FhirFormat.Json);
        Assert.Equal([FhirIssues.ElementUnknown.Code, FhirIssues.JsonMalformed.Code], result.Issues.Select(issue => issue.Code));
        Assert.Null(result.Root);
    }

    private static Outcome Compare(byte[] json, string? label = null, bool readStrings = true)
    {
        label ??= Encoding.UTF8.GetString(json);
        var reader = new Utf8JsonTokenSource(new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 1000 }), new JsonLineIndex(json));
        var tokenizer = new JsonTokenizer(json);
        for (var token = 0; ; token++)
        {
            var expected = Step(ref reader, out var expectedString, readStrings);
            var actual = Step(ref tokenizer, out var actualString, readStrings);
            if (expected is null)
            {
                // The tokenizer may refuse a token later (a number cut off at the end), never read to the end.
                while (actual == true)
                {
                    actual = Step(ref tokenizer, out _, readStrings);
                }

                Assert.True(actual is null, $"{label}: token {token}: the reader refuses, the tokenizer reads to the end");
                return Outcome.BothRefused;
            }

            if (actual is null)
            {
                var said = (reader.TokenType == JsonTokenType.PropertyName && reader.ValueIsEscaped) || reader.CurrentDepth >= JsonTokenizer.MaxDepth;
                Assert.True(said, $"{label}: token {token}: the tokenizer leaves {reader.TokenType} at {reader.TokenStartIndex} to the reader");
                return Outcome.LeftToReader;
            }

            Assert.True(expected == actual, $"{label}: token {token}: the reader says {expected}, the tokenizer {actual}");
            if (expected == false)
            {
                return Outcome.Same;
            }

            var where = $"{label}: token {token} ({reader.TokenType} at {reader.TokenStartIndex})";
            Assert.True(reader.TokenType == tokenizer.TokenType, $"{where}: the tokenizer reads {tokenizer.TokenType}");
            Assert.True(reader.TokenStartIndex == tokenizer.TokenStartIndex, $"{where}: the tokenizer starts at {tokenizer.TokenStartIndex}");
            Assert.True(reader.Position == tokenizer.Position, $"{where}: at {reader.Position}, the tokenizer says {tokenizer.Position}");
            Assert.True(reader.CurrentDepth == tokenizer.CurrentDepth, $"{where}: depth {reader.CurrentDepth}, the tokenizer {tokenizer.CurrentDepth}");
            Assert.True(reader.ValueSpan.SequenceEqual(tokenizer.ValueSpan), $"{where}: the values differ");
            Assert.True(reader.ValueIsEscaped == tokenizer.ValueIsEscaped, $"{where}: escaped {reader.ValueIsEscaped}, the tokenizer {tokenizer.ValueIsEscaped}");
            Assert.True(!tokenizer.ValueIsAscii || System.Text.Ascii.IsValid(tokenizer.ValueSpan), $"{where}: said to be ASCII");
            var run = tokenizer.Base64AlphabetRun;
            Assert.True(tokenizer.ValueSpan[..run].IndexOfAnyExcept(Base64Alphabet) < 0, $"{where}: {run} bytes are said to be base64 alphabet");
            if (expectedString is not null && actualString is not null)
            {
                Assert.True(expectedString == actualString, $"{where}: the strings differ");
            }
        }
    }

    /// <summary>One Read (and, on an unescaped string, its text): the result, or null when refused.</summary>
    private static bool? Step<TSource>(ref TSource source, out string? text, bool readStrings)
        where TSource : IJsonTokenSource, allows ref struct
    {
        text = null;
        try
        {
            if (!source.Read())
            {
                return false;
            }

            if (readStrings && source.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !source.ValueIsEscaped)
            {
                text = source.GetString();
            }

            return true;
        }
        catch (Exception exception) when (IsRefusal<TSource>(exception))
        {
            return null;
        }
    }

    /// <summary>The tokenizer refuses only by giving up; the reader by its syntax and encoding errors.</summary>
    private static bool IsRefusal<TSource>(Exception exception)
        where TSource : allows ref struct =>
        typeof(TSource) == typeof(JsonTokenizer)
            ? exception is JsonTokenizerFallbackException
            : exception is JsonException or InvalidOperationException;

    /// <summary>Valid FHIR JSON, pretty and compact: the discharge summary, the golden inputs and generated resources.</summary>
    private static IEnumerable<(string Name, byte[] Json)> ValidDocuments()
    {
        var files = new[]
        {
            Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "discharge-summary-document.xml"),
            Path.Combine(RepositoryPaths.Golden, "Xml", "message-bundle.xml"),
            Path.Combine(RepositoryPaths.Golden, "Xml", "primitives.xml"),
        };
        var trees = files.Select(file => (Path.GetFileName(file), FhirSerializer.Parse(File.ReadAllBytes(file), FhirFormat.Xml).Root!))
            .Append(("attachment bundle", Itk3.Testing.SampleContent.AttachmentBundle(3000)))
            .Concat(Enumerable.Range(0, 6).Select(i => ($"generated {i}", new RandomTreeGenerator(Stu3Schema.Instance, BaseSeed + i).Resource())));
        foreach (var (name, tree) in trees)
        {
            yield return (name + " pretty", FhirSerializer.SerializeToBytes(tree, FhirFormat.Json, WriteOptions.Pretty));
            yield return (name + " compact", FhirSerializer.SerializeToBytes(tree, FhirFormat.Json, WriteOptions.Compact));
        }
    }
}
