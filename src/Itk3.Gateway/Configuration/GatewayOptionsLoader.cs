using System.Text.Json;
using System.Text.Json.Serialization;
using Itk3.Messaging.Validation;

namespace Itk3.Gateway.Configuration;

/// <summary>Reads and checks a node configuration file; every error names the field at fault.</summary>
public static class GatewayOptionsLoader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads the file and resolves relative paths against its folder; throws <see cref="GatewayConfigException"/>.</summary>
    public static GatewayOptions Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GatewayConfigException("$", $"cannot read '{path}': {e.Message}", e);
        }

        var options = Parse(json);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        return options with { DataDirectory = Path.GetFullPath(options.DataDirectory, folder) };
    }

    /// <summary>Parses and checks a configuration; throws <see cref="GatewayConfigException"/>.</summary>
    public static GatewayOptions Parse(string json)
    {
        GatewayOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<GatewayOptions>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new GatewayConfigException(e.Path ?? "$", e.Message, e);
        }

        if (options is null)
        {
            throw new GatewayConfigException("$", "the document is null; expected an object");
        }

        options = options with { ApiKeys = ApiKeyValidation.NameLegacyKeys(options.ApiKeys) };
        Validate(options);
        return options;
    }

    /// <summary>The receiver profile the options name (file, in line, or permissive).</summary>
    public static ReceiverProfile LoadReceiverProfile(GatewayOptions options)
    {
        if (options.ReceiverProfilePath is not { Length: > 0 } path)
        {
            return options.ReceiverProfile ?? ReceiverProfile.Permissive;
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

    /// <summary>Checks the values; throws <see cref="GatewayConfigException"/> naming the first bad field.</summary>
    public static void Validate(GatewayOptions options)
    {
        Require(options.Mailbox, "$.mailbox");
        Require(options.OdsCode, "$.odsCode");
        Require(options.DataDirectory, "$.dataDirectory");
        if (!options.Mesh.IsEmbedded && !Uri.TryCreate(options.Mesh.Url, UriKind.Absolute, out _))
        {
            throw new GatewayConfigException("$.mesh.url", "expected an absolute http(s) URL or \"embedded\"");
        }

        if (options.Mesh.PageSize is < 10 or > 5000)
        {
            throw new GatewayConfigException("$.mesh.pageSize", "must be between 10 and 5000");
        }

        if (options.Mesh.PollInterval <= TimeSpan.Zero)
        {
            throw new GatewayConfigException("$.mesh.pollInterval", "must be positive (for example \"00:00:05\")");
        }

        for (var i = 0; i < options.Flows.Count; i++)
        {
            ValidateFlow(options.Flows[i], $"$.flows[{i}]");
        }

        ValidateDelivery(options.Delivery);
        ApiKeyValidation.Validate(options.ApiKeys);
    }

    private static void ValidateFlow(FlowSettings flow, string at)
    {
        Require(flow.WorkflowId, at + ".workflowId");
        if (flow.InfrastructureTimeout <= TimeSpan.Zero)
        {
            throw new GatewayConfigException(at + ".infrastructureTimeout", "must be positive");
        }

        if (flow.BusinessTimeout <= TimeSpan.Zero)
        {
            throw new GatewayConfigException(at + ".businessTimeout", "must be positive");
        }

        if (flow.MessageDefinition is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw new GatewayConfigException(at + ".messageDefinition", "expected an absolute URL");
        }
    }

    private static void ValidateDelivery(DeliverySettings delivery)
    {
        switch (delivery.Mode)
        {
            case "pull":
                break;
            case "callback" when !Uri.TryCreate(delivery.CallbackUrl, UriKind.Absolute, out _):
                throw new GatewayConfigException("$.delivery.callbackUrl", "callback delivery needs an absolute URL");
            case "callback":
                break;
            case "folder" when string.IsNullOrWhiteSpace(delivery.Folder):
                throw new GatewayConfigException("$.delivery.folder", "folder delivery needs a folder");
            case "folder":
                break;
            default:
                throw new GatewayConfigException("$.delivery.mode", "expected \"pull\", \"callback\" or \"folder\"");
        }

        if (delivery.MaxAttempts < 1)
        {
            throw new GatewayConfigException("$.delivery.maxAttempts", "must be at least 1");
        }
    }

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new GatewayConfigException(field, "is required");
        }
    }
}
