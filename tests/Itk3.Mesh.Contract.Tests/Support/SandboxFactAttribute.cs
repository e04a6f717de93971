namespace Itk3.Mesh.Contract.Tests.Support;

/// <summary>
/// A test that runs against an external MESH sandbox (NHSDigital/mesh-sandbox, AUTH_MODE=full) named by
/// <c>ITK3_MESH_SANDBOX_URL</c>, and is skipped with that reason when the variable is not set.
/// </summary>
public sealed class SandboxFactAttribute : FactAttribute
{
    public const string Variable = "ITK3_MESH_SANDBOX_URL";

    public SandboxFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"Set {Variable} (e.g. http://127.0.0.1:8700) to run against the NHS MESH sandbox.";
        }
    }
}
