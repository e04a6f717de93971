using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization.Json;

namespace Itk3.Fhir.Serialization.Tests.Json;

public sealed class JsonLineIndexTests
{
    [Fact]
    public void Positions_count_lines_by_line_feed_and_columns_by_character_in_any_order()
    {
        // Bytes: a b \r \n é(2) €(3) x \n z
        var index = new JsonLineIndex("ab\r\né€x\nz"u8.ToArray());

        Assert.Equal(new SourcePosition(2, 3), index.At(9));
        Assert.Equal(new SourcePosition(3, 1), index.At(11));
        Assert.Equal(new SourcePosition(1, 1), index.At(0));
        Assert.Equal(new SourcePosition(1, 2), index.At(1));
        Assert.Equal(new SourcePosition(2, 1), index.At(4));
        Assert.Equal(new SourcePosition(2, 2), index.At(6));
    }

    [Fact]
    public void Forward_positions_match_the_positions_found_in_any_order()
    {
        var content = "{\n  \"a\": \"é€\",\r\n\n  \"b\": [1,\n 2]\n}"u8.ToArray();
        var forward = new JsonLineIndex(content);
        var expected = new List<SourcePosition>();
        for (var offset = 0; offset <= content.Length; offset++)
        {
            // A fresh index asked out of order uses its newline table; the forward one counts incrementally.
            var table = new JsonLineIndex(content);
            table.At(content.Length);
            expected.Add(table.At(offset));
        }

        var actual = Enumerable.Range(0, content.Length + 1).Where(offset => offset == content.Length || (content[offset] & 0xC0) != 0x80)
            .Select(offset => (offset, forward.At(offset))).ToList();

        Assert.All(actual, pair => Assert.Equal(expected[pair.offset], pair.Item2));
        Assert.Equal(new SourcePosition(5, 2), forward.At(content.Length - 4));
    }
}
