using Itk3.Cli.Serving;
using Itk3.Gateway.Configuration;

namespace Itk3.Cli.Tests;

public sealed class StoreConfigurationTests : IDisposable
{
    private const string Connection = "Host=db.local;Database=itk3;Username=itk3;Password=pg-s3cret";
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-store-config-").FullName;

    [Fact]
    public void The_store_is_SQLite_unless_configured_otherwise()
    {
        var options = NodeConfiguration.Read(Write("{}"), [], new Dictionary<string, string?>());

        Assert.False(options.Store.IsPostgres);
        Assert.Equal(StoreSettings.Sqlite, options.Store.Provider);
    }

    [Fact]
    public void The_PostgreSQL_connection_string_comes_from_an_environment_variable_over_the_file()
    {
        var file = Write("""{ "store": { "provider": "postgres", "connectionString": "Host=file.local", "schema": "node_a" } }""");
        var environment = new Dictionary<string, string?> { ["ITK3__STORE__CONNECTIONSTRING"] = Connection };

        var options = NodeConfiguration.Read(file, [], environment);

        Assert.True(options.Store.IsPostgres);
        Assert.Equal((Connection, "node_a"), (options.Store.ConnectionString, options.Store.Schema));
    }

    [Fact]
    public void The_PostgreSQL_connection_string_comes_from_a_secret_file_and_is_masked_when_printed()
    {
        File.WriteAllText(Path.Combine(_folder, "pg-connection"), Connection + "\n");
        var file = Write("""{ "store": { "provider": "postgres", "connectionStringFile": "pg-connection" }, "instanceId": "node-1" }""");

        var options = NodeConfiguration.Read(file, [], new Dictionary<string, string?>());
        var printed = Itk3.Cli.Commands.ConfigCommand.Masked(options);

        Assert.Equal((Connection, "node-1"), (options.Store.ConnectionString, options.InstanceId));
        Assert.DoesNotContain("pg-s3cret", printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "store": { "provider": "postgres" } }""", "$.store.connectionString")]
    [InlineData("""{ "store": { "provider": "oracle" } }""", "$.store.provider")]
    [InlineData("""{ "store": { "provider": "postgres", "connectionString": "Host=x", "schema": "Bad-Name" } }""", "$.store.schema")]
    [InlineData("""{ "store": { "provider": "postgres", "connectionString": "Host=x", "pollerLease": "00:00:00.5" } }""", "$.store.pollerLease")]
    [InlineData("""{ "store": { "provider": "postgres", "connectionString": "Host=x", "connectionStringFile": "f" } }""", "$.store.connectionString")]
    [InlineData("""{ "store": { "provder": "postgres" } }""", "$.store.provder")]
    public void Bad_store_configuration_names_the_field_at_fault(string json, string field)
    {
        File.WriteAllText(Path.Combine(_folder, "f"), "Host=y");

        var error = Assert.Throws<GatewayConfigException>(() => NodeConfiguration.Read(Write(json), [], new Dictionary<string, string?>()));

        Assert.Contains(field, error.Errors.Select(e => e.Field));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private FileInfo Write(string json)
    {
        var path = Path.Combine(_folder, "node.json");
        File.WriteAllText(path, json);
        return new FileInfo(path);
    }
}
