using Xunit;

namespace Itk3.Testing.Gateway;

/// <summary>A fact that needs PostgreSQL: skipped with the reason outside CI when <see cref="TestPostgres.Variable"/> is unset.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when PostgreSQL is not available and not required.</summary>
    public PostgresFactAttribute() => Skip = TestPostgres.SkipReason;
}
