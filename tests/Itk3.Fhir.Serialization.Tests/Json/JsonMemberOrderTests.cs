using static Itk3.Fhir.Serialization.Tests.Json.JsonTestSupport;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>
/// The reader takes members given in definition order straight into the tree and hands an object over to member slots
/// at the first member that is out of order, repeated, a <c>_name</c> part, or gives no node: these cases check that
/// nothing read before the hand-over is lost or forgotten.
/// </summary>
public sealed class JsonMemberOrderTests
{
    [Theory]
    [InlineData("""{"resourceType":"Patient","active":true,"gender":5,"birthDate":"2000","gender":"male"}""", "property-duplicate", "Patient.gender")]
    [InlineData("""{"resourceType":"Patient","active":true,"name":[],"gender":"male","name":[{"family":"A"}]}""", "property-duplicate", "Patient.name")]
    [InlineData("""{"resourceType":"Patient","active":true,"name":[{"family":"A"}],"gender":"male","name":[{"family":"B"}]}""", "property-duplicate", "Patient.name")]
    [InlineData("""{"resourceType":"Patient","active":true,"deceasedBoolean":"yes","address":[{"city":"X"}],"deceasedDateTime":"2020"}""", "choice-multiple", "Patient.deceasedDateTime")]
    [InlineData("""{"resourceType":"Patient","active":true,"deceasedBoolean":true,"address":[{"city":"X"}],"deceasedDateTime":"2020"}""", "choice-multiple", "Patient.deceasedDateTime")]
    [InlineData("""{"resourceType":"Patient","active":true,"gender":["male"],"_gender":{"id":"g"}}""", "parallel-array-mismatch", "Patient.gender")]
    public void A_member_read_before_the_hand_over_is_still_known_to_the_slots(string json, string code, string location)
    {
        Assert.Equal(location, Single(Parse(json), code).Location);
    }

    [Fact]
    public void A_name_part_after_later_members_joins_its_value()
    {
        var late = ParseValid("""{"resourceType":"Patient","active":true,"gender":"male","birthDate":"2000","_gender":{"id":"g1"}}""");
        var inPlace = ParseValid("""{"resourceType":"Patient","active":true,"gender":"male","_gender":{"id":"g1"},"birthDate":"2000"}""");

        Assert.Equal(Dump(inPlace), Dump(late));
        Assert.Equal("g1", late.Child("gender")!.ChildValue("id"));
        Assert.Equal("male", late.ChildValue("gender"));
    }

    [Fact]
    public void Members_out_of_order_after_members_in_order_come_out_in_definition_order_with_repeats_in_array_order()
    {
        var root = ParseValid("""{"resourceType":"Patient","name":[{"family":"A"},{"family":"B"}],"birthDate":"2000","identifier":[{"value":"1"}],"active":true}""");

        Assert.Equal(["identifier", "active", "name", "name", "birthDate"], root.Children.Select(child => child.Name));
        Assert.Equal(["A", "B"], root.ChildrenNamed("name").Select(name => name.ChildValue("family")));
    }

    [Fact]
    public void A_primitive_array_with_a_null_pairs_with_its_name_array()
    {
        var root = ParseValid("""{"resourceType":"Patient","active":true,"name":[{"family":"A","given":["a",null],"_given":[null,{"id":"x"}]}]}""");

        var given = root.Child("name")!.ChildrenNamed("given").ToList();
        Assert.Equal(2, given.Count);
        Assert.Equal("a", given[0].Value);
        Assert.Null(given[1].Value);
        Assert.Equal("x", given[1].ChildValue("id"));
    }

    [Fact]
    public void A_value_kept_as_utf8_keeps_its_bytes_when_its_object_is_handed_over()
    {
        var data = Convert.ToBase64String(Enumerable.Range(0, 600).Select(i => (byte)i).ToArray());
        var root = ParseValid($$"""{"resourceType":"Binary","contentType":"text/plain","content":"{{data}}","id":"b1"}""");

        Assert.Equal(["id", "contentType", "content"], root.Children.Select(child => child.Name));
        Assert.True(root.Child("content")!.TryGetUtf8Value(out var utf8));
        Assert.Equal(data, System.Text.Encoding.ASCII.GetString(utf8.Span));
    }
}
