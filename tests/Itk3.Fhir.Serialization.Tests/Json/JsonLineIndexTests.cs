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

    [Fact]
    public void Forward_positions_over_short_and_long_steps_match_the_table_on_random_bytes()
    {
        // Short and long steps over ASCII, non-ASCII and invalid UTF-8 must agree with the newline table. Offsets stop
        // on ASCII bytes, as token starts do.
        var seed = Environment.TickCount;
        var random = new Random(seed);
        byte[] pieces = [(byte)'a', (byte)' ', (byte)'\n', (byte)'\r', 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80, 0xFF, 0x80];
        for (var round = 0; round < 200; round++)
        {
            var content = new byte[random.Next(1, 400)];
            for (var i = 0; i < content.Length; i++)
            {
                content[i] = random.Next(4) == 0 ? pieces[random.Next(pieces.Length)] : (byte)'x';
            }

            var forward = new JsonLineIndex(content);
            var offset = 0;
            while (offset < content.Length)
            {
                offset = Math.Min(content.Length, offset + (random.Next(3) == 0 ? random.Next(60, 200) : random.Next(0, 20)));
                if (offset < content.Length && content[offset] >= 0x80)
                {
                    continue;
                }

                var table = new JsonLineIndex(content);
                table.At(content.Length);
                Assert.True(table.At(offset) == forward.At(offset), $"Seed {seed}, round {round}, offset {offset}.");
            }
        }
    }
}
