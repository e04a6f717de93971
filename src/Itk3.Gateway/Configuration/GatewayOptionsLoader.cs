using System.Text.Json;
using System.Text.Json.Serialization;
using Itk3.Messaging.Validation;

namespace Itk3.Gateway.Configuration;

/// <summary>Reads and checks a node configuration file; every error names the field at fault.</summary>
public static class GatewayOptionsLoader
{
    /// <summary>The shortest callback signing secret accepted.</summary>
    public const int MinimumCallbackSecretLength = 32;

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
        ValidateRetention(options.Retention);
        if (options.ApiCertificate is { } certificate)
        {
            Require(certificate.Path, "$.apiCertificate.path");
        }

        if (options.ApiUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && options.ApiCertificate is null)
        {
            throw new GatewayConfigException("$.apiCertificate", "an https:// apiUrl needs a server certificate (path, and keyPath or password)");
        }
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
                ValidateCallback(delivery);
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

    private static void ValidateRetention(RetentionSettings retention)
    {
        (double? Days, string Field)[] periods =
        [
            (retention.InboundMessageDays, "inboundMessageDays"), (retention.OutboxDays, "outboxDays"),
            (retention.DeliveryDays, "deliveryDays"), (retention.DropFolderArchiveDays, "dropFolderArchiveDays"),
        ];
        foreach (var (days, field) in periods)
        {
            if (days is { } d && (double.IsNaN(d) || d < 1 || d > 36500))
            {
                throw new GatewayConfigException("$.retention." + field, "must be a number of days from 1 to 36500 (or absent to keep forever)");
            }
        }

        if (retention.PurgeInterval < TimeSpan.FromMinutes(1))
        {
            throw new GatewayConfigException("$.retention.purgeInterval", "must be at least 00:01:00");
        }
    }

    private static void ValidateCallback(DeliverySettings delivery)
    {
        if (delivery.CallbackSecret is not { Length: >= MinimumCallbackSecretLength })
        {
            throw new GatewayConfigException("$.delivery.callbackSecret",
                $"callback delivery needs a signing secret of at least {MinimumCallbackSecretLength} characters");
        }

        if (delivery.CallbackTimeout <= TimeSpan.Zero || delivery.CallbackTimeout > TimeSpan.FromMinutes(10))
        {
            throw new GatewayConfigException("$.delivery.callbackTimeout", "must be positive and at most 00:10:00");
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
