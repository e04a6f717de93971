namespace Itk3.Fhir.Serialization.Xml;

/// <summary>Unwinds the reader after a fatal issue has been reported; never escapes <see cref="FhirXmlReader"/>.</summary>
internal sealed class FatalParseException : Exception
{
    public FatalParseException()
        : base("A fatal issue stopped the XML reader.")
    {
    }
}
