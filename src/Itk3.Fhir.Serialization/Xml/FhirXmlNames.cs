using Itk3.Fhir.Serialization.Reading;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>The XML namespaces and fixed names FHIR XML uses.</summary>
internal static class FhirXmlNames
{
    public const string FhirNamespace = "http://hl7.org/fhir";

    public const string XhtmlNamespace = NarrativeChecker.XhtmlNamespace;

    public const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    public const string ValueAttribute = "value";
}
