using System.Text.Json;
using System.Text.Json.Nodes;

namespace Itk3.Gateway.Chaos.Cluster;

/// <summary>Writes the MESH server's and the nodes' configuration files (the formats of <c>itk3 mesh serve</c> and <c>itk3 serve</c>).</summary>
internal static class ConfigFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>A MESH server config with one mailbox per node and the flow (and its <c>_ACK</c>) open between them.</summary>
    public static string WriteMesh(string folder, IReadOnlyList<NodeSpec> nodes)
    {
        var mailboxes = new JsonArray();
        foreach (var node in nodes)
        {
            mailboxes.Add(new JsonObject { ["id"] = node.Mailbox, ["password"] = NodeSpec.MeshPassword, ["odsCode"] = node.OdsCode, ["name"] = node.Name });
        }

        var config = new JsonObject
        {
            ["sharedKey"] = NodeSpec.SharedKey,
            ["enforceWorkflowRegistration"] = false,
            ["mailboxes"] = mailboxes,
            ["workflows"] = new JsonArray(
                new JsonObject { ["id"] = NodeSpec.Flow, ["senders"] = new JsonArray("*"), ["receivers"] = new JsonArray("*") },
                new JsonObject { ["id"] = NodeSpec.Flow + "_ACK", ["senders"] = new JsonArray("*"), ["receivers"] = new JsonArray("*") }),
        };
        return Write(Path.Combine(folder, "mesh.json"), config);
    }

    /// <summary>The secret every callback is signed with (the recording application does not check it).</summary>
    public const string CallbackSecret = "chaos-callback-secret-0123456789abcdef";

    /// <summary>A node config: MESH at <paramref name="meshUrl"/> (the proxy), callback delivery to <paramref name="callbackUrl"/> when given (else pull), API on <paramref name="apiUrl"/>.</summary>
    public static string WriteNode(string folder, NodeSpec node, Uri meshUrl, Uri apiUrl, Uri? callbackUrl, JsonObject? store = null, string? instanceId = null)
    {
        var delivery = callbackUrl is null
            ? new JsonObject { ["mode"] = "pull" }
            : new JsonObject { ["mode"] = "callback", ["callbackUrl"] = callbackUrl.ToString(), ["callbackSecret"] = CallbackSecret };
        var config = new JsonObject
        {
            ["mailbox"] = node.Mailbox,
            ["odsCode"] = node.OdsCode,
            ["mesh"] = new JsonObject
            {
                ["url"] = meshUrl.ToString(),
                ["password"] = NodeSpec.MeshPassword,
                ["sharedKey"] = NodeSpec.SharedKey,
                ["pollInterval"] = "00:00:01",
                ["pageSize"] = 100,
            },
            ["dataDirectory"] = Path.Combine(folder, "data"),
            ["flows"] = new JsonArray(new JsonObject
            {
                ["workflowId"] = NodeSpec.Flow,
                ["infAckRequested"] = true,
                ["busAckRequested"] = true,
                ["infrastructureTimeout"] = "01:00:00",
                ["businessTimeout"] = "1.00:00:00",
            }),
            // Large messages are accepted (the memory benchmark sends 9 MB; the default profile answers 20015 above 5 MB).
            ["receiverProfile"] = new JsonObject { ["maxMessageBytes"] = 100 * 1024 * 1024 },
            ["delivery"] = delivery,
            ["dropFolder"] = "",
            ["apiUrl"] = apiUrl.ToString().TrimEnd('/'),
            ["apiKeys"] = new JsonArray(node.ApiKey),
        };
        if (store is not null)
        {
            config["store"] = store;
            config["instanceId"] = instanceId;
        }

        return Write(Path.Combine(folder, "node.json"), config);
    }

    private static string Write(string path, JsonNode config)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, config.ToJsonString(Indented));
        return path;
    }
}
