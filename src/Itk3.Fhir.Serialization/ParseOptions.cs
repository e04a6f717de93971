using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Serialization;

/// <summary>How to read content: strict or lenient, limits, and the schema to type it with.</summary>
public sealed record ParseOptions
{
    /// <summary>The defaults: strict, 100 MB, depth 100, STU3.</summary>
    public static ParseOptions Default { get; } = new();

    /// <summary>Lenient reading of real-world defects (out-of-order elements, single values for arrays, empty elements) with warnings.</summary>
    public static ParseOptions Lenient { get; } = new() { Strict = false };

    /// <summary>When true (the default), tolerable defects are errors; when false they are warnings and the content is kept.</summary>
    public bool Strict { get; init; } = true;

    /// <summary>The largest input accepted, in bytes.</summary>
    public long MaxBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>The deepest nesting accepted (objects and arrays in JSON, elements in XML).</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>
    /// The most issues listed (1000 by default); the rest are counted in one closing <c>issues-truncated</c> issue,
    /// an error when any of them was.
    /// </summary>
    public int MaxIssues { get; init; } = 1000;

    /// <summary>
    /// When true, elements unknown to their type are dropped with an <c>element-dropped</c> warning each instead of an
    /// <c>element-unknown</c> error (e.g. DSTU2 leftovers); the rest is read as usual.
    /// </summary>
    public bool DropUnknownElements { get; init; }

    /// <summary>The schema that types the content.</summary>
    public IFhirSchema Schema { get; init; } = Stu3Schema.Instance;
}
