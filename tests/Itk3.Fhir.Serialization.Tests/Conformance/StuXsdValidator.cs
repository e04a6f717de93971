using System.Xml;
using System.Xml.Schema;

namespace Itk3.Fhir.Serialization.Tests.Conformance;

/// <summary>Validates XML against the official STU3 fhir-single.xsd (with fhir-xhtml.xsd and xml.xsd), loaded once.</summary>
public static class StuXsdValidator
{
    private static readonly Lazy<XmlSchemaSet?> Schemas = new(Load);

    /// <summary>True when the XSD could be loaded; otherwise see <see cref="FhirDefinitions.Reason"/>.</summary>
    public static bool IsAvailable => Schemas.Value is not null;

    /// <summary>The validation errors and warnings for a document; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(byte[] xml)
    {
        var schemas = Schemas.Value ?? throw new InvalidOperationException($"The STU3 XSD is not available: {FhirDefinitions.Reason}");
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
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

    private static XmlSchemaSet? Load()
    {
        if (FhirDefinitions.Folder is not { } folder)
        {
            return null;
        }

        var xsdFolder = Path.Combine(folder, "schemas", "stu3");
        var set = new XmlSchemaSet { XmlResolver = new FolderResolver(xsdFolder) };
        using (var reader = XmlReader.Create(Path.Combine(xsdFolder, "fhir-single.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null }))
        {
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }

    /// <summary>Resolves schema imports only to files inside the XSD folder.</summary>
    private sealed class FolderResolver(string folder) : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var path = Path.GetFullPath(Path.Combine(folder, Path.GetFileName(absoluteUri.LocalPath)));
            if (!path.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal) || !File.Exists(path))
            {
                throw new XmlException($"The schema resolver refuses '{absoluteUri}'.");
            }

            return File.OpenRead(path);
        }
    }
}
