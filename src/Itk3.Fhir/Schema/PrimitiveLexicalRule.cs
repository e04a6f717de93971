namespace Itk3.Fhir.Schema;

/// <summary>
/// The lexical rule of a primitive as the official <c>fhir-single.xsd</c> gives it: the XSD base type(s)
/// (<c>xs:int</c>, <c>xs:gYear|xs:gYearMonth|xs:date</c>...), the length facets and the pattern (XSD regex syntax).
/// </summary>
/// <param name="Name">The primitive type name (<c>integer</c>).</param>
/// <param name="BaseTypes">The XSD base type, or the member types of its union.</param>
/// <param name="MinLength">The minLength facet, or null.</param>
/// <param name="MaxLength">The maxLength facet, or null.</param>
/// <param name="Pattern">The pattern facet in XSD regex syntax (implicitly anchored), or null.</param>
public sealed record PrimitiveLexicalRule(string Name, IReadOnlyList<string> BaseTypes, int? MinLength, int? MaxLength, string? Pattern);
