namespace Itk3.Fhir.Schema;

/// <summary>The FHIR STU3 (3.0.1) schema, generated from the official definitions and embedded in this assembly.</summary>
public static class Stu3Schema
{
    private static readonly Lazy<FhirSchema> Loaded = new(Load);

    /// <summary>The STU3 schema, loaded once on first use.</summary>
    public static IFhirSchema Instance => Loaded.Value;

    private static FhirSchema Load()
    {
        const string name = "Itk3.Fhir.Schema.stu3.schema";
        using var stream = typeof(Stu3Schema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return SchemaTextReader.Read(reader);
    }
}
