using System.Buffers;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>Placeholder until the Json writer lands (issue 2).</summary>
internal static class FhirJsonWriter
{
    public static void Write(ElementNode resource, IBufferWriter<byte> output, WriteOptions options) => throw new NotImplementedException();
}
