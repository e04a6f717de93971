using System.Text.RegularExpressions;
using Itk3.Gateway.Store;

namespace Itk3.Gateway.Postgres;

/// <summary>Checks names that go into SQL text as identifiers (a schema), since they cannot be parameters.</summary>
internal static partial class PgIdentifiers
{
    /// <summary>Returns the name when it is a plain lower-case identifier (letters, digits, underscores, at most 63 bytes); throws otherwise.</summary>
    public static string Require(string? name, string what) =>
        name is not null && Plain().IsMatch(name)
            ? name
            : throw new GatewayStoreException(
                GatewayStoreError.Unavailable, $"The PostgreSQL {what} name '{name}' is not a plain identifier (a-z, 0-9, _; starting with a letter or _; at most 63).");

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();
}
