using Itk3.Testing.Gateway;

namespace Itk3.Gateway.Sqlite.Tests;

public sealed class SqliteGatewayStoreContractTests : GatewayStoreContract<SqliteStoreHarness>;
