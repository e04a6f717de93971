namespace Itk3.Mesh.Server.Protocol;

/// <summary>One request-validation failure, e.g. a missing required header.</summary>
internal sealed record ValidationFailure(string Location, string Name, string Message, string Type, long? Limit = null)
{
    public static ValidationFailure MissingHeader(string name) =>
        new("header", name, "field required", "value_error.missing");

    public static ValidationFailure MissingQuery(string name) =>
        new("query", name, "field required", "value_error.missing");
}
