using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Itk3.Cli.Serving;
using Itk3.Gateway.Configuration;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 config check</c>: validates the layered node configuration and prints the effective one with secrets masked.</summary>
internal static class ConfigCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Creates the <c>config</c> group.</summary>
    public static Command Create()
    {
        var config = GatewayConfigOption.Create();
        var sets = GatewayConfigOption.CreateSet();
        var check = new Command("check",
            "Read the node configuration as itk3 serve would (the --config file, ITK3__* environment variables, --set), list\n"
            + "every error with its JSON path, or print the effective configuration with secrets masked. The profilePackages\n"
            + "are loaded and every profile a flow's validate option names is checked, as at start.\n\n"
            + "Example:\n  ITK3__MESH__PASSWORDFILE=/run/secrets/mesh itk3 config check --config node.json")
        {
            config, sets,
        };
        check.SetAction((ParseResult r) => Run(r.GetValue(config), r.GetValue(sets) ?? [], r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return new Command("config", "Check a gateway node's configuration.") { check };
    }

    /// <summary>The options as JSON with every secret replaced by <c>***</c> (hashed API keys are shown: they are not secrets).</summary>
    internal static string Masked(GatewayOptions options)
    {
        var node = JsonSerializer.SerializeToNode(options, Json)!.AsObject();
        var mesh = node["mesh"]!.AsObject();
        Mask(mesh, "password");
        Mask(mesh, "sharedKey");
        if (mesh["clientCertificate"] is JsonObject certificate)
        {
            Mask(certificate, "password");
        }

        if (node["delivery"] is JsonObject delivery)
        {
            Mask(delivery, "callbackSecret");
        }

        if (node["apiCertificate"] is JsonObject api)
        {
            Mask(api, "password");
        }

        // The connection string carries the database password: shown only without it.
        Mask(node["store"]!.AsObject(), "connectionString");
        if (node["apiKeys"] is JsonArray keys)
        {
            foreach (var key in keys.OfType<JsonObject>().Where(k => k["key"]?.ToString().StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) != true))
            {
                Mask(key, "key");
            }
        }

        return node.ToJsonString(Json);
    }

    private static void Mask(JsonObject node, string name)
    {
        if (node[name] is JsonValue value && value.ToString().Length > 0)
        {
            node[name] = "***";
        }
    }

    private static int Run(FileInfo? file, string[] sets, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var options = NodeConfiguration.Read(file, sets);
            _ = GatewayOptionsLoader.LoadReceiverProfile(options);
            var validation = Gateway.Outbound.SubmitValidation.Load(options);
            stdout.WriteLine(Masked(options));
            foreach (var line in Gateway.Outbound.SubmitValidation.Describe(options, validation))
            {
                stdout.WriteLine(line);
            }

            stdout.WriteLine("Configuration OK.");
            return ExitCodes.Ok;
        }
        catch (GatewayConfigException e)
        {
            foreach (var error in e.Errors)
            {
                stderr.WriteLine($"{error.Field}: {error.Message}");
            }

            stderr.WriteLine($"{e.Errors.Count} configuration error(s).");
            return ExitCodes.UsageOrIo;
        }
    }
}
