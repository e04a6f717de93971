using System.Xml;
using System.Xml.Schema;

namespace Itk3.Testing;

/// <summary>Validates XML against the official STU3 XSD (<c>fhir-single.xsd</c>), loaded once. Thread-safe for validation.</summary>
public sealed class Stu3XsdValidator
{
    private static readonly Lazy<Stu3XsdValidator> Shared = new(() => new Stu3XsdValidator(FhirDefinitions.SchemaFolder));

    private readonly XmlSchemaSet _schemas;

    /// <summary>Loads the schema set from a folder holding fhir-single.xsd and its imports.</summary>
    public Stu3XsdValidator(string schemaFolder)
    {
        _schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(Path.Combine(schemaFolder, "fhir-single.xsd"), settings);
        _schemas.Add("http://hl7.org/fhir", reader);
        _schemas.Compile();
    }

    /// <summary>The validator over the fetched official definitions.</summary>
    public static Stu3XsdValidator Instance => Shared.Value;

    /// <summary>The validation errors for a document; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = _schemas,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Exception?.LineNumber}:{e.Exception?.LinePosition} {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }
}
