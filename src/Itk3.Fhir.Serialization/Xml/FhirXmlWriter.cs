using System.Buffers;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>Placeholder until the Xml writer lands (issue 2).</summary>
internal static class FhirXmlWriter
{
    public static void Write(ElementNode resource, IBufferWriter<byte> output, WriteOptions options) => throw new NotImplementedException();
}
