namespace Itk3.Mesh.Server.Configuration;

/// <summary>Validates a <see cref="MeshServerConfig"/>, naming the first bad field.</summary>
internal static class ConfigValidator
{
    /// <summary>The shortest admin token accepted.</summary>
    public const int MinimumAdminTokenLength = 16;

    public static void Validate(MeshServerConfig config)
    {
        Require(!string.IsNullOrEmpty(config.SharedKey), "sharedKey", "is required");
        Require(config.Mailboxes is { Count: > 0 }, "mailboxes", "needs at least one mailbox");
        Require(config.Workflows is not null, "workflows", "must be an array");
        Require(config.GpProviders is not null, "gpProviders", "must be an array");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < config.Mailboxes.Count; i++)
        {
            ValidateMailbox(config.Mailboxes[i], $"mailboxes[{i}]", ids);
        }

        for (var i = 0; i < config.Workflows!.Count; i++)
        {
            ValidateWorkflow(config.Workflows[i], $"workflows[{i}]", ids);
        }

        for (var i = 0; i < config.GpProviders!.Count; i++)
        {
            ValidateGpProvider(config.GpProviders[i], $"gpProviders[{i}]");
        }

        ValidateLimits(config.Limits);
        Require(!config.AdminEndpoints || config.AdminToken is { Length: >= MinimumAdminTokenLength },
            "adminToken", $"is required (at least {MinimumAdminTokenLength} characters) when adminEndpoints is true");
    }

    private static void ValidateMailbox(MeshMailboxConfig? mailbox, string path, HashSet<string> ids)
    {
        Require(mailbox is not null, path, "is null");
        Require(!string.IsNullOrEmpty(mailbox!.Id), path + ".id", "is required");
        Require(mailbox.Id.Length <= 20 && mailbox.Id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)),
            path + ".id", "must be 1-20 upper-case letters and digits");
        Require(ids.Add(mailbox.Id), path + ".id", $"duplicates mailbox '{mailbox.Id}'");
        Require(!string.IsNullOrEmpty(mailbox.Password), path + ".password", "is required");
        Require(!string.IsNullOrEmpty(mailbox.OdsCode), path + ".odsCode", "is required");
    }

    private static void ValidateWorkflow(MeshWorkflowConfig? workflow, string path, HashSet<string> mailboxIds)
    {
        Require(workflow is not null, path, "is null");
        Require(!string.IsNullOrWhiteSpace(workflow!.Id), path + ".id", "is required");
        CheckMembers(workflow.Senders, path + ".senders", mailboxIds);
        CheckMembers(workflow.Receivers, path + ".receivers", mailboxIds);
    }

    private static void CheckMembers(IReadOnlyList<string>? members, string path, HashSet<string> mailboxIds)
    {
        for (var i = 0; i < (members?.Count ?? 0); i++)
        {
            var id = members![i];
            Require(id == "*" || mailboxIds.Contains(id), $"{path}[{i}]", $"'{id}' is not a configured mailbox (or '*')");
        }
    }

    private static void ValidateGpProvider(GpProviderEntry? entry, string path)
    {
        Require(entry is not null, path, "is null");
        Require(entry!.NhsNumber.Length == 10 && entry.NhsNumber.All(char.IsAsciiDigit), path + ".nhsNumber", "must be 10 digits");
        Require(entry.DateOfBirth.Length == 8 && entry.DateOfBirth.All(char.IsAsciiDigit), path + ".dateOfBirth", "must be yyyyMMdd");
        Require(!string.IsNullOrWhiteSpace(entry.Surname), path + ".surname", "is required");
        Require(!string.IsNullOrWhiteSpace(entry.OdsCode), path + ".odsCode", "is required");
    }

    private static void ValidateLimits(MeshLimits? limits)
    {
        Require(limits is not null, "limits", "is null");
        Require(limits!.MaxRequestBytes > 0, "limits.maxRequestBytes", "must be positive");
        Require(limits.MaxMessageBytes >= limits.MaxRequestBytes, "limits.maxMessageBytes", "must be at least maxRequestBytes");
        Require(limits.MaxChunks >= 1, "limits.maxChunks", "must be at least 1");
        Require(limits.InboxExpiryDays > 0, "limits.inboxExpiryDays", "must be positive");
        Require(limits.RetentionDays >= limits.InboxExpiryDays, "limits.retentionDays", "must be at least inboxExpiryDays");
        Require(limits.TokenWindowMinutes > 0, "limits.tokenWindowMinutes", "must be positive");
        Require(limits.LookupPermitsPerMinute > 0, "limits.lookupPermitsPerMinute", "must be positive");
    }

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new MeshConfigException(field, message);
        }
    }
}
