using Itk3.Gateway.Configuration;
using Microsoft.Extensions.Configuration;

namespace Itk3.Cli.Serving;

/// <summary>The node configuration of <c>itk3 serve</c>, <c>itk3 send</c> and <c>itk3 config check</c>, layered: JSON file, then environment variables (<c>ITK3__MESH__PASSWORD</c>), then <c>--set key=value</c>.</summary>
internal static class NodeConfiguration
{
    /// <summary>The prefix of environment variables that override the file (<c>__</c> separates levels).</summary>
    public const string EnvironmentPrefix = "ITK3__";

    /// <summary>Reads, binds and validates; throws <see cref="GatewayConfigException"/> listing every error.</summary>
    public static GatewayOptions Read(FileInfo? file, IReadOnlyList<string>? sets = null, IDictionary<string, string?>? environment = null)
    {
        var builder = new ConfigurationBuilder();
        string? json = null;
        var folder = Directory.GetCurrentDirectory();
        if (file is not null)
        {
            json = ReadFile(file);
            folder = file.Directory?.FullName ?? folder;
            builder.AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        }

        if (environment is null)
        {
            builder.AddEnvironmentVariables(EnvironmentPrefix);
        }
        else
        {
            builder.AddInMemoryCollection(environment
                .Where(e => e.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                .Select(e => KeyValuePair.Create(e.Key[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), e.Value)));
        }

        builder.AddInMemoryCollection(Overrides(sets ?? []));
        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            throw new GatewayConfigException("$", (e.InnerException ?? e).Message, e);
        }

        return GatewayOptionsLoader.Bind(configuration, folder, json);
    }

    private static string ReadFile(FileInfo file)
    {
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GatewayConfigException("$", $"cannot read '{file.FullName}': {e.Message}", e);
        }
    }

    private static IEnumerable<KeyValuePair<string, string?>> Overrides(IReadOnlyList<string> sets)
    {
        var errors = new List<GatewayConfigError>();
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var set in sets)
        {
            var equals = set.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add(new GatewayConfigError("--set", $"expected key=value (for example mesh:pollInterval=00:01:00), got '{set}'"));
                continue;
            }

            pairs.Add(KeyValuePair.Create(set[..equals].Trim().Replace('.', ':'), (string?)set[(equals + 1)..]));
        }

        return errors.Count > 0 ? throw new GatewayConfigException(errors) : pairs;
    }
}
