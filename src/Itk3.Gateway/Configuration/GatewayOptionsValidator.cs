namespace Itk3.Gateway.Configuration;

/// <summary>Checks bound options; returns every error (JSON path and what is wrong), none when valid.</summary>
internal static partial class GatewayOptionsValidator
{
    private const long MinBytesInFlight = 1024L * 1024;
    private const long MaxBytesInFlight = 4L * 1024 * 1024 * 1024;

    /// <summary>Every error in <paramref name="options"/>.</summary>
    public static List<GatewayConfigError> Check(GatewayOptions options)
    {
        var errors = new List<GatewayConfigError>();
        Require(options.Mailbox, "$.mailbox", errors);
        Require(options.OdsCode, "$.odsCode", errors);
        Require(options.DataDirectory, "$.dataDirectory", errors);
        CheckMesh(options.Mesh, errors);
        for (var i = 0; i < options.Flows.Count; i++)
        {
            CheckFlow(options.Flows[i], $"$.flows[{i}]", errors);
        }

        CheckSubmitValidation(options, errors);
        CheckDelivery(options.Delivery, errors);
        CheckStore(options.Store, errors);
        CheckRetention(options.Retention, errors);
        CheckApiCertificate(options, errors);
        ApiKeyValidation.Validate(options.ApiKeys, errors);
        if (options.OtlpEndpoint is { Length: > 0 } otlp && !IsHttpUrl(otlp))
        {
            errors.Add(new("$.otlpEndpoint", "expected an absolute http(s) URL"));
        }

        if (options.MaxBytesInFlight is < MinBytesInFlight or > MaxBytesInFlight)
        {
            errors.Add(new("$.maxBytesInFlight", $"must be from {MinBytesInFlight} (1 MiB) to {MaxBytesInFlight} (4 GiB) bytes; the default is {GatewayOptions.DefaultMaxBytesInFlight} (16 MiB)"));
        }

        return errors;
    }

    private static void CheckMesh(MeshSettings mesh, List<GatewayConfigError> errors)
    {
        if (!mesh.IsEmbedded && !IsHttpUrl(mesh.ResolvedUrl))
        {
            errors.Add(new("$.mesh.url", $"expected an absolute http(s) URL, an environment name ({string.Join(", ", MeshEnvironments.ByName.Keys)}) or \"embedded\""));
        }

        if (!mesh.IsEmbedded)
        {
            Require(mesh.Password, "$.mesh.password", errors, " for a real MESH (or passwordFile, or ITK3__MESH__PASSWORD)");
            Require(mesh.SharedKey, "$.mesh.sharedKey", errors, " for a real MESH (or sharedKeyFile, or ITK3__MESH__SHAREDKEY)");
        }

        if (mesh.PageSize is < 10 or > 5000)
        {
            errors.Add(new("$.mesh.pageSize", "must be between 10 and 5000"));
        }

        if (mesh.PollInterval <= TimeSpan.Zero)
        {
            errors.Add(new("$.mesh.pollInterval", "must be positive (for example \"00:05:00\")"));
        }

        for (var i = 0; i < mesh.SendProfiles.Count; i++)
        {
            if (mesh.SendProfiles[i].ChunkSize < 1)
            {
                errors.Add(new($"$.mesh.sendProfiles[{i}].chunkSize", "must be at least 1 (bytes)"));
            }
        }

        CheckRetry(mesh.SendRetry, "$.mesh.sendRetry", errors);
        if (mesh.HandshakeInterval <= TimeSpan.Zero)
        {
            errors.Add(new("$.mesh.handshakeInterval", "must be positive (for example \"1.00:00:00\")"));
        }

        if (mesh.Proxy is { Length: > 0 } proxy && !IsHttpUrl(proxy))
        {
            errors.Add(new("$.mesh.proxy", "expected an absolute http(s) URL such as http://proxy.local:3128"));
        }

        CheckFile(mesh.TrustedRootsPath, "$.mesh.trustedRootsPath", errors);
        if (mesh.ClientCertificate is { } certificate)
        {
            Require(certificate.Path, "$.mesh.clientCertificate.path", errors);
            CheckFile(certificate.Path, "$.mesh.clientCertificate.path", errors);
            CheckFile(certificate.KeyPath, "$.mesh.clientCertificate.keyPath", errors);
        }
    }

    private static void CheckStore(StoreSettings store, List<GatewayConfigError> errors)
    {
        if (!store.IsPostgres && !string.Equals(store.Provider, StoreSettings.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new("$.store.provider", $"expected \"{StoreSettings.Sqlite}\" or \"{StoreSettings.Postgres}\""));
            return;
        }

        if (store.IsPostgres)
        {
            Require(store.ConnectionString, "$.store.connectionString", errors, " for postgres (or connectionStringFile, or ITK3__STORE__CONNECTIONSTRING)");
            if (!PlainIdentifier().IsMatch(store.Schema ?? string.Empty))
            {
                errors.Add(new("$.store.schema", "expected a plain lower-case identifier (a-z, 0-9, _; at most 63)"));
            }
        }

        if (store.PollerLease is { } lease && lease < TimeSpan.FromSeconds(1))
        {
            errors.Add(new("$.store.pollerLease", "must be at least one second (for example \"00:00:30\")"));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PlainIdentifier();

    private static void CheckFlow(FlowSettings flow, string at, List<GatewayConfigError> errors)
    {
        Require(flow.WorkflowId, at + ".workflowId", errors);
        if (flow.InfrastructureTimeout <= TimeSpan.Zero)
        {
            errors.Add(new(at + ".infrastructureTimeout", "must be positive"));
        }

        if (flow.BusinessTimeout <= TimeSpan.Zero)
        {
            errors.Add(new(at + ".businessTimeout", "must be positive"));
        }

        if (flow.MessageDefinition is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            errors.Add(new(at + ".messageDefinition", "expected an absolute URL"));
        }
    }

    private static void CheckDelivery(DeliverySettings delivery, List<GatewayConfigError> errors)
    {
        switch (delivery.Mode)
        {
            case "pull":
                break;
            case "callback" when !Uri.TryCreate(delivery.CallbackUrl, UriKind.Absolute, out _):
                errors.Add(new("$.delivery.callbackUrl", "callback delivery needs an absolute URL"));
                break;
            case "callback":
                CheckCallback(delivery, errors);
                break;
            case "folder" when string.IsNullOrWhiteSpace(delivery.Folder):
                errors.Add(new("$.delivery.folder", "folder delivery needs a folder"));
                break;
            case "folder":
                break;
            default:
                errors.Add(new("$.delivery.mode", "expected \"pull\", \"callback\" or \"folder\""));
                break;
        }

        CheckRetry(delivery.Retry, "$.delivery.retry", errors);
    }

    private static void CheckCallback(DeliverySettings delivery, List<GatewayConfigError> errors)
    {
        if (delivery.CallbackSecret is not { Length: >= GatewayOptionsLoader.MinimumCallbackSecretLength })
        {
            errors.Add(new("$.delivery.callbackSecret", $"callback delivery needs a signing secret of at least {GatewayOptionsLoader.MinimumCallbackSecretLength} characters"));
        }

        if (delivery.CallbackTimeout <= TimeSpan.Zero || delivery.CallbackTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add(new("$.delivery.callbackTimeout", "must be positive and at most 00:10:00"));
        }
    }

    private static void CheckRetention(RetentionSettings retention, List<GatewayConfigError> errors)
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
                errors.Add(new("$.retention." + field, "must be a number of days from 1 to 36500 (or absent to keep forever)"));
            }
        }

        if (retention.PurgeInterval < TimeSpan.FromMinutes(1))
        {
            errors.Add(new("$.retention.purgeInterval", "must be at least 00:01:00"));
        }
    }

    private static void CheckApiCertificate(GatewayOptions options, List<GatewayConfigError> errors)
    {
        if (options.ApiCertificate is { } certificate)
        {
            Require(certificate.Path, "$.apiCertificate.path", errors);
            CheckFile(certificate.Path, "$.apiCertificate.path", errors);
            CheckFile(certificate.KeyPath, "$.apiCertificate.keyPath", errors);
        }

        if (options.ApiUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && options.ApiCertificate is null)
        {
            errors.Add(new("$.apiCertificate", "an https:// apiUrl needs a server certificate (path, and keyPath or password)"));
        }
    }

    private static void CheckRetry(RetrySettings retry, string at, List<GatewayConfigError> errors)
    {
        if (retry.FastAttempts < 1)
        {
            errors.Add(new(at + ".fastAttempts", "must be at least 1"));
        }

        if (retry.BaseDelay <= TimeSpan.Zero)
        {
            errors.Add(new(at + ".baseDelay", "must be positive (for example \"00:00:01\")"));
        }

        if (retry.MaxDelay < retry.BaseDelay)
        {
            errors.Add(new(at + ".maxDelay", "must be at least baseDelay (for example \"00:05:00\")"));
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void CheckFile(string? path, string field, List<GatewayConfigError> errors)
    {
        if (path is { Length: > 0 } && !File.Exists(path))
        {
            errors.Add(new(field, $"no such file: {path}"));
        }
    }

    private static void Require(string? value, string field, List<GatewayConfigError> errors, string hint = "")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "is required" + hint));
        }
    }
}
