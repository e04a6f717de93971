namespace Itk3.Testing.Gateway;

/// <summary>Put on a class deriving a store contract: when <see cref="Reason"/> is not null, its <see cref="StoreFactAttribute"/> tests are skipped with it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class StoreSkipAttribute : Attribute
{
    /// <summary>Why the store is not available here, or null when it is.</summary>
    public abstract string? Reason { get; }
}
