using Itk3.Fhir.Serialization.Reading;
using Itk3.Fhir.Serialization.Xml;

namespace Itk3.Fhir.Serialization.Tests.Xml;

public sealed class LocationStackTests
{
    [Fact]
    public void Builds_the_same_text_as_LocationPath()
    {
        var stack = new LocationStack();
        stack.Reset("Bundle");
        stack.Push("entry", 12);
        stack.Push("resource");
        stack.PushOfType("MessageHeader");
        stack.Push("event");

        var expected = LocationPath.Child(LocationPath.OfType(LocationPath.Child(LocationPath.Child("Bundle", "entry", 12), "resource"), "MessageHeader"), "event");
        Assert.Equal(expected, stack.Current());
        Assert.Equal("Bundle.entry[12].resource.ofType(MessageHeader).event", stack.Current());
        Assert.Equal(LocationPath.Child(expected, "code"), stack.ChildOf("code"));
    }

    [Fact]
    public void Grows_past_its_first_array_and_pops_back_to_the_same_text()
    {
        var stack = new LocationStack();
        stack.Reset("Bundle");
        var expected = "Bundle";
        var levels = new List<string> { expected };
        for (var i = 0; i < 40; i++)
        {
            stack.Push("item", i);
            expected = LocationPath.Child(expected, "item", i);
            levels.Add(expected);
        }

        Assert.Equal(expected, stack.Current());
        for (var i = 40; i > 0; i--)
        {
            Assert.Equal(levels[i], stack.Current());
            stack.Pop();
        }

        Assert.Equal("Bundle", stack.Current());
        stack.Push("entry", 0);
        Assert.Equal("Bundle.entry[0]", stack.Current());
        stack.Clear();
        Assert.Equal(0, stack.Count);
        Assert.Equal(string.Empty, stack.Current());
    }
}
