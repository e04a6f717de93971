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
}
