using System.ComponentModel;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Itk3.Testing.Gateway;

/// <summary>A store contract test case: skipped with the reason of the test class's <see cref="StoreSkipAttribute"/>, when it gives one.</summary>
public sealed class StoreTestCase : XunitTestCase
{
    /// <summary>For xunit's deserialisation only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    /// <summary>Creates the test case.</summary>
    public StoreTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, options, testMethod)
    {
    }

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) => SkipReasonOf(TestMethod) ?? base.GetSkipReason(factAttribute);

    /// <summary>The reason the test method's concrete class gives for skipping its store, or null.</summary>
    internal static string? SkipReasonOf(ITestMethod testMethod) =>
        testMethod.TestClass.Class.ToRuntimeType()?.GetCustomAttribute<StoreSkipAttribute>(inherit: true)?.Reason;
}
