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
}
