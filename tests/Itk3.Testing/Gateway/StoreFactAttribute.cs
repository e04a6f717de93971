using Xunit;
using Xunit.Sdk;

namespace Itk3.Testing.Gateway;

/// <summary>A store contract fact: like <see cref="FactAttribute"/>, but skipped when the deriving test class says its store cannot be had (<see cref="StoreSkipAttribute"/>).</summary>
[XunitTestCaseDiscoverer("Itk3.Testing.Gateway.StoreFactDiscoverer", "Itk3.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;
