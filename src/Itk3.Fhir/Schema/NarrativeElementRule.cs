namespace Itk3.Fhir.Schema;

/// <summary>
/// The narrative content model of one XHTML element, from <c>fhir-xhtml.xsd</c> less what the STU3 narrative rules
/// forbid: whether it holds text, its attributes (<c>xml:lang</c> for the XML namespace) and the elements it may contain.
/// </summary>
/// <param name="Name">The element's local name in the XHTML namespace.</param>
/// <param name="AllowsText">True for mixed content; false when only whitespace may sit between child elements.</param>
/// <param name="Attributes">The attribute names allowed on the element.</param>
/// <param name="Children">The element names allowed inside it.</param>
public sealed record NarrativeElementRule(string Name, bool AllowsText, IReadOnlySet<string> Attributes, IReadOnlySet<string> Children);
