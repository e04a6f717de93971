using System.Text;
using System.Text.Json;
using Itk3.Messaging.Validation;
using Microsoft.Extensions.Configuration;

namespace Itk3.Gateway.Configuration;

/// <summary>
/// Reads and checks a node configuration from layered <see cref="IConfiguration"/> (JSON file, environment variables
/// <c>ITK3__MESH__PASSWORD</c>, command line); every error names the field at fault, and all are reported at once.
/// </summary>
public static class GatewayOptionsLoader
{
    /// <summary>The shortest callback signing secret accepted.</summary>
    public const int MinimumCallbackSecretLength = 32;

    private const string InlineProfile = "$.receiverProfile";

    /// <summary>Reads the file and resolves relative paths against its folder; throws <see cref="GatewayConfigException"/>.</summary>
    public static GatewayOptions Load(string path)
    {
        var full = Path.GetFullPath(path);
        var configuration = Build(b => b.AddJsonFile(full, optional: false, reloadOnChange: false));
        return Bind(configuration, Path.GetDirectoryName(full)!, ReadText(full));
    }

    /// <summary>Parses and checks a JSON configuration (relative paths against the current folder); throws <see cref="GatewayConfigException"/>.</summary>
    public static GatewayOptions Parse(string json)
    {
        var configuration = Build(b => b.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        return Bind(configuration, Directory.GetCurrentDirectory(), json);
    }

    /// <summary>Binds, checks and completes (secrets from files, paths made absolute against <paramref name="baseFolder"/>) the options in <paramref name="configuration"/>; <paramref name="json"/> is the JSON file's text, which an in-line receiver profile is read from.</summary>
    public static GatewayOptions Bind(IConfiguration configuration, string baseFolder, string? json = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<GatewayConfigError>();
        ConfigurationShape.Check(configuration, typeof(GatewayOptions), "$", errors, new HashSet<string> { InlineProfile, ApiKeyBinding.Path });
        var apiKeys = ApiKeyBinding.Read(configuration.GetSection("apiKeys"), errors);
        if (errors.Count > 0)
        {
            throw new GatewayConfigException(errors);
        }

        GatewayOptions options;
        try
        {
            options = Without(configuration, "receiverProfile", "apiKeys").Get<GatewayOptions>() ?? new GatewayOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new GatewayConfigException("$", e.Message, e);
        }

        options = options with { ApiKeys = apiKeys, DataDirectory = Path.GetFullPath(options.DataDirectory, baseFolder), ReceiverProfile = InlineReceiverProfile(configuration, json, errors) };
        options = GatewaySecrets.Resolve(options, baseFolder, errors);
        options = options with { ApiKeys = ApiKeyValidation.NameLegacyKeys(options.ApiKeys) };
        errors.AddRange(GatewayOptionsValidator.Check(options));
        return errors.Count > 0 ? throw new GatewayConfigException(errors) : options;
    }

    /// <summary>The receiver profile the options name (file, in line, or permissive).</summary>
    public static ReceiverProfile LoadReceiverProfile(GatewayOptions options)
    {
        if (options.ReceiverProfilePath is not { Length: > 0 } path)
        {
            // An inline profile loads no package: payload profiles need a receiver profile file with profilePackages.
            var inline = options.ReceiverProfile ?? ReceiverProfile.Permissive;
            if (inline.ProfilePackages.Count > 0)
            {
                throw new GatewayConfigException("$.receiverProfile.profilePackages", "packages are loaded from a receiver profile file only: move the profile to a file named by receiverProfilePath");
            }

            return ReceiverProfileFile.UnusablePayloadProfiles(inline) is [var (field, problem), ..]
                ? throw new GatewayConfigException("$.receiverProfile." + field, problem)
                : inline;
        }

        try
        {
            return ReceiverProfileFile.Load(Path.GetFullPath(path, options.DataDirectory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException)
        {
            throw new GatewayConfigException("$.receiverProfilePath", e.Message, e);
        }
    }

    /// <summary>Checks the values; throws <see cref="GatewayConfigException"/> listing every bad field.</summary>
    public static void Validate(GatewayOptions options)
    {
        var errors = GatewayOptionsValidator.Check(options);
        if (errors.Count > 0)
        {
            throw new GatewayConfigException(errors);
        }
    }

    private static IConfigurationRoot Build(Action<IConfigurationBuilder> add)
    {
        try
        {
            var builder = new ConfigurationBuilder();
            add(builder);
            return builder.Build();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException or JsonException)
        {
            throw new GatewayConfigException("$", (e.InnerException ?? e).Message, e);
        }
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The configuration without the sections bound by hand (<paramref name="keys"/>), built once.</summary>
    private static IConfiguration Without(IConfiguration configuration, params string[] keys) =>
        new ConfigurationBuilder().AddInMemoryCollection(configuration.AsEnumerable()
            .Where(kv => !keys.Any(key => kv.Key.Equals(key, StringComparison.OrdinalIgnoreCase) || kv.Key.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase)))).Build();

    private static ReceiverProfile? InlineReceiverProfile(IConfiguration configuration, string? json, List<GatewayConfigError> errors)
    {
        if (!configuration.GetSection("receiverProfile").Exists())
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json ?? "{}", new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var element = document.RootElement.EnumerateObject().FirstOrDefault(p => p.NameEquals("receiverProfile") || p.Name.Equals("receiverProfile", StringComparison.OrdinalIgnoreCase));
            if (element.Value.ValueKind == JsonValueKind.Object)
            {
                return ReceiverProfile.FromJson(element.Value.GetRawText());
            }

            errors.Add(new GatewayConfigError(InlineProfile, "an in-line receiver profile must be in the JSON file; elsewhere use receiverProfilePath"));
        }
        catch (JsonException e)
        {
            errors.Add(new GatewayConfigError(InlineProfile, e.Message));
        }

        return null;
    }
}
