using Xunit.Abstractions;
using Xunit.Sdk;

namespace Itk3.Testing.Gateway;

/// <summary>Discovers <see cref="StoreTheoryAttribute"/> tests: one skipped <see cref="StoreTestCase"/> when the concrete test class skips its store, the data rows otherwise.</summary>
/// <param name="diagnosticMessageSink">Where xunit's diagnostics go.</param>
public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        if (StoreTestCase.SkipReasonOf(testMethod) is null)
        {
            return base.Discover(discoveryOptions, testMethod, theoryAttribute);
        }

        return [new StoreTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
    }
}
