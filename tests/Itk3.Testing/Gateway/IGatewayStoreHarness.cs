namespace Itk3.Testing.Gateway;

/// <summary>Gives the gateway store contract tests a fresh, private database of one implementation, and lets them reopen it.</summary>
public interface IGatewayStoreHarness : IAsyncDisposable
{
    /// <summary>The migration versions the implementation ships, ascending.</summary>
    IReadOnlyList<int> KnownMigrations { get; }

    /// <summary>Opens the store over this harness's database (again, after an earlier handle was disposed: the same data).</summary>
    Task<GatewayStoreHandle> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The migration versions recorded in the database, ascending, one entry per record.</summary>
    Task<IReadOnlyList<int>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken);
}
