namespace Itk3.Testing.Gateway;

/// <summary>The store contract runs against PostgreSQL: skipped outside CI when <see cref="TestPostgres.Variable"/> is unset.</summary>
public sealed class RequiresPostgresAttribute : StoreSkipAttribute
{
    /// <inheritdoc />
    public override string? Reason => TestPostgres.SkipReason;
}
