namespace Itk3.Mesh.Contract.Tests.Support;

/// <summary>What <see cref="FaultInjectingHandler"/> does to one request.</summary>
public enum InjectedFault
{
    None,
    ServiceUnavailable,
    LoseResponse,
}
