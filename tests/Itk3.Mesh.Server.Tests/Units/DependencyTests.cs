namespace Itk3.Mesh.Server.Tests.Units;

public sealed class DependencyTests
{
    [Fact]
    public void Server_and_token_assemblies_know_nothing_of_FHIR()
    {
        var references = typeof(MeshServer).Assembly.GetReferencedAssemblies()
            .Concat(typeof(Mesh.Authentication.MeshToken).Assembly.GetReferencedAssemblies())
            .Select(a => a.Name!)
            .ToList();

        Assert.Contains("Itk3.Mesh", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Itk3.Fhir", StringComparison.Ordinal) || name.StartsWith("Itk3.Messaging", StringComparison.Ordinal));
    }
}
