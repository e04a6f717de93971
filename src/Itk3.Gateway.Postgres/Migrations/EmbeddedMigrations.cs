using System.Globalization;

namespace Itk3.Gateway.Postgres.Migrations;

/// <summary>The numbered <c>NNNN_name.sql</c> files embedded in this assembly, in order.</summary>
internal static class EmbeddedMigrations
{
    private const string Prefix = "Itk3.Gateway.Postgres.Migrations.";

    public static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(EmbeddedMigrations).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[Prefix.Length..^".sql".Length];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(ParseVersion(name), name, reader.ReadToEnd()));
        }

        return Validate(migrations);
    }

    public static IReadOnlyList<Migration> Validate(IEnumerable<Migration> migrations)
    {
        // Gaps are allowed (numbers are assigned per feature and the migrator applies the missing ones in order); repeats are not.
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Version < 1 || (i > 0 && ordered[i].Version == ordered[i - 1].Version))
            {
                throw new InvalidOperationException($"Migrations must be numbered from 1 without repeats; found {ordered[i].Name} at position {i + 1}.");
            }
        }

        return ordered;
    }

    private static int ParseVersion(string name)
    {
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration {name} is not named NNNN_description.sql.");
        }

        return version;
    }
}
