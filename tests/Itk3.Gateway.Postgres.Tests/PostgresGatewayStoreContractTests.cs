using Itk3.Testing.Gateway;

namespace Itk3.Gateway.Postgres.Tests;

[RequiresPostgres]
public sealed class PostgresGatewayStoreContractTests : GatewayStoreContract<PostgresStoreHarness>;
