namespace Itk3.Gateway.Postgres.Migrations;

/// <summary>One numbered schema change.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
