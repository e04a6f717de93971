namespace Itk3.Gateway.Configuration;

/// <summary>One configuration error.</summary>
/// <param name="Field">The JSON path of the field at fault, for example <c>$.mesh.pageSize</c>.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record GatewayConfigError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}
