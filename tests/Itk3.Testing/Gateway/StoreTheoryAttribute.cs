using Xunit;
using Xunit.Sdk;

namespace Itk3.Testing.Gateway;

/// <summary>A store contract theory: like <see cref="TheoryAttribute"/>, but skipped when the deriving test class says its store cannot be had (<see cref="StoreSkipAttribute"/>).</summary>
[XunitTestCaseDiscoverer("Itk3.Testing.Gateway.StoreTheoryDiscoverer", "Itk3.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute;
