namespace Itk3.Fhir.Schema;

/// <summary>How a primitive's value is represented in JSON.</summary>
public enum PrimitiveJsonKind
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number, written exactly as in the source.</summary>
    Number,

    /// <summary>A JSON boolean.</summary>
    Boolean,
}
