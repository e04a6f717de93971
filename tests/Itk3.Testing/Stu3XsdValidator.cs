using System.Xml;
using System.Xml.Schema;

namespace Itk3.Testing;

/// <summary>
/// Validates XML against the official STU3 XSD (<c>fhir-single.xsd</c> with <c>fhir-xhtml.xsd</c> and <c>xml.xsd</c>),
/// loaded once; schema imports resolve only to files inside the XSD folder. Thread-safe for validation.
/// </summary>
public sealed class Stu3XsdValidator
{
    private static readonly Lazy<Stu3XsdValidator> Shared = new(() => new Stu3XsdValidator(FhirDefinitions.SchemaFolder));

    private readonly XmlSchemaSet _schemas;

    /// <summary>Loads the schema set from a folder holding fhir-single.xsd and its imports.</summary>
    public Stu3XsdValidator(string schemaFolder)
    {
        _schemas = new XmlSchemaSet { XmlResolver = new FolderResolver(schemaFolder) };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using (var reader = XmlReader.Create(Path.Combine(schemaFolder, "fhir-single.xsd"), settings))
        {
            _schemas.Add("http://hl7.org/fhir", reader);
        }

        _schemas.Compile();
    }

    /// <summary>The validator over the fetched official definitions.</summary>
    public static Stu3XsdValidator Instance => Shared.Value;

    /// <summary>The validation errors and warnings for a document; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = _schemas,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition} {e.Message}");
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException exception)
        {
            errors.Add($"not well-formed: {exception.Message}");
        }

        return errors;
    }

    /// <summary>Resolves schema imports only to files inside the XSD folder.</summary>
    private sealed class FolderResolver(string folder) : XmlResolver
    {
        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var root = Path.GetFullPath(folder);
            var path = Path.GetFullPath(Path.Combine(root, Path.GetFileName(absoluteUri.LocalPath)));
            if (!path.StartsWith(root, StringComparison.Ordinal) || !File.Exists(path))
            {
                throw new XmlException($"The schema resolver refuses '{absoluteUri}'.");
            }

            return File.OpenRead(path);
        }
    }
}
