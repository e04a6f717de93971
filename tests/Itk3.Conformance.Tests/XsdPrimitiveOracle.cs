using System.Text;
using System.Xml;
using System.Xml.Schema;
using Itk3.Testing;

namespace Itk3.Conformance.Tests;

/// <summary>
/// Asks the official <c>fhir-single.xsd</c> whether a string is a valid value of a primitive: a wrapper schema declares
/// one element per primitive whose <c>value</c> attribute has the XSD's <c>NAME-primitive</c> simple type.
/// </summary>
internal sealed class XsdPrimitiveOracle
{
    private const string WrapperNamespace = "urn:itk3:lexical-test";

    private static readonly Lazy<XsdPrimitiveOracle> Shared = new(() => new XsdPrimitiveOracle(FhirDefinitions.SchemaFolder));

    private readonly XmlSchemaSet _schemas = new();

    private XsdPrimitiveOracle(string folder)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        _schemas.XmlResolver = new XmlUrlResolver();
        using (var reader = XmlReader.Create(Path.Combine(folder, "fhir-single.xsd"), settings))
        {
            _schemas.Add("http://hl7.org/fhir", reader);
        }

        var wrapper = new StringBuilder($"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="http://hl7.org/fhir" targetNamespace="{WrapperNamespace}" elementFormDefault="qualified"><xs:import namespace="http://hl7.org/fhir"/>""");
        foreach (var name in PrimitiveTable.Types)
        {
            wrapper.Append($"""<xs:element name="{name}"><xs:complexType><xs:attribute name="value" type="f:{name}-primitive"/></xs:complexType></xs:element>""");
        }

        using (var reader = XmlReader.Create(new StringReader(wrapper.Append("</xs:schema>").ToString())))
        {
            _schemas.Add(WrapperNamespace, reader);
        }

        _schemas.Compile();
    }

    public static XsdPrimitiveOracle Instance => Shared.Value;

    /// <summary>True when the XSD accepts the value (after the whitespace normalisation XSD applies to the type).</summary>
    public bool Accepts(string type, string value)
    {
        var valid = true;
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = _schemas };
        settings.ValidationEventHandler += (_, _) => valid = false;
        var xml = $"""<t:{type} xmlns:t="{WrapperNamespace}" value="{Escape(value)}"/>""";
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return valid;
    }

    /// <summary>
    /// True when XSD whitespace collapsing cannot hide a defect: xs:string types preserve whitespace; for the others the
    /// value has no leading or trailing whitespace and no run of two (which collapsing would remove before the pattern).
    /// </summary>
    public static bool SurvivesWhitespaceProcessing(string type, string value)
    {
        ReadOnlySpan<char> space = [' ', '\t', '\r', '\n'];
        if (type is "string" or "markdown" or "id" || value.Length == 0)
        {
            return true;
        }

        var previousWasSpace = true;
        foreach (var c in value)
        {
            var isSpace = space.Contains(c);
            if (isSpace && previousWasSpace)
            {
                return false;
            }

            previousWasSpace = isSpace;
        }

        return !previousWasSpace;
    }

    private static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '"' => "&quot;",
                '\t' => "&#9;",
                '\n' => "&#10;",
                '\r' => "&#13;",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}
