namespace Itk3.Fhir.Schema;

/// <summary>How an element is represented in XML.</summary>
public enum ElementRepresentation
{
    /// <summary>An XML element in the FHIR namespace.</summary>
    Element,

    /// <summary>An XML attribute (<c>Element.id</c>, <c>Extension.url</c>).</summary>
    XmlAttribute,

    /// <summary>An XHTML <c>div</c> in the XHTML namespace (<c>Narrative.div</c>).</summary>
    Xhtml,
}
