namespace Itk3.Fhir.Serialization.Json;

/// <summary>Unwinds the reader after a fatal issue (already reported) such as excessive nesting; never escapes the reader.</summary>
internal sealed class JsonReadAbortedException : Exception
{
    public JsonReadAbortedException()
        : base("The JSON read was stopped by a fatal issue.")
    {
    }
}
