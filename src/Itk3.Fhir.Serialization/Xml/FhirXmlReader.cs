using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization.Reading;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>Placeholder until the Xml reader lands (issue 2).</summary>
internal static class FhirXmlReader
{
    public static ElementNode? Read(ReadOnlyMemory<byte> content, ParseContext context) => throw new NotImplementedException();

    public static ElementNode? Read(Stream content, ParseContext context) => throw new NotImplementedException();
}
