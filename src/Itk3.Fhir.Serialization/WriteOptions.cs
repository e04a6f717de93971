using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization;

/// <summary>How to write content.</summary>
public sealed record WriteOptions
{
    /// <summary>Compact output, the default.</summary>
    public static WriteOptions Compact { get; } = new();

    /// <summary>Indented output for people.</summary>
    public static WriteOptions Pretty { get; } = new() { Indented = true };

    /// <summary>When true, output is indented.</summary>
    public bool Indented { get; init; }

    /// <summary>The schema that decides element order, arrays and primitive representations.</summary>
    public IFhirSchema Schema { get; init; } = Stu3Schema.Instance;
}
