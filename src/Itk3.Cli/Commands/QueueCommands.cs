using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 deliveries</c> and <c>itk3 outbox</c>: list a running node's queues, and requeue or resolve their items through its API.</summary>
internal static class QueueCommands
{
    /// <summary>Creates <c>itk3 deliveries</c>.</summary>
    public static Command Deliveries() => Create("deliveries", "deliveries", "deliveries of accepted payloads to the local application");

    /// <summary>Creates <c>itk3 outbox</c>.</summary>
    public static Command Outbox() => Create("outbox", "outbox", "MESH sends (payloads and responses)");

    private static Command Create(string name, string route, string what)
    {
        var command = new Command(name,
            $"List, requeue or resolve {what} on a running node, through its HTTP API. Every action is recorded on the\n"
            + "transaction's timeline (or the received message's history) with the API key's name.\n\n"
            + $"Examples:\n  itk3 {name} list --needs-attention\n  itk3 {name} requeue <id>\n  itk3 {name} resolve <id> --note \"sent by other means\"");
        command.Subcommands.Add(List(route));
        command.Subcommands.Add(Action(route, "requeue", "Put a dead-lettered or waiting item back in its queue, due now.", noteRequired: false));
        command.Subcommands.Add(Action(route, "resolve", "Close a dead-lettered or waiting item for good (never sent or delivered), with a note.", noteRequired: true));
        return command;
    }

    private static Command List(string route)
    {
        var (url, key, config) = (NodeApiClient.UrlOption(), NodeApiClient.KeyOption(), GatewayConfigOption.Create());
        var attention = new Option<bool>("--needs-attention") { Description = "Only dead-lettered items and items waiting after a failed attempt." };
        var state = new Option<string?>("--state") { Description = "Only items in this state (Pending, Sent/Delivered, DeadLettered, Resolved)." };
        var page = new Option<int>("--page") { Description = "The page (50 items each, newest first).", DefaultValueFactory = _ => 1 };
        var command = new Command("list", "List items, newest first.") { attention, state, page, url, key, config };
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var query = $"api/v1/{route}?page={r.GetValue(page).ToString(CultureInfo.InvariantCulture)}"
                + (r.GetValue(attention) ? "&needsAttention=true" : string.Empty)
                + (r.GetValue(state) is { } s ? "&state=" + Uri.EscapeDataString(s) : string.Empty);
            return await RunAsync(r, url, key, config, client => client.GetAsync(query, ct), PrintPage).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Action(string route, string verb, string description, bool noteRequired)
    {
        var (url, key, config) = (NodeApiClient.UrlOption(), NodeApiClient.KeyOption(), GatewayConfigOption.Create());
        var id = new Argument<string>("id") { Description = "The item id (from the list)." };
        var note = new Option<string?>("--note") { Description = "Why (shown on the timeline with your key's name; never patient data).", Required = noteRequired };
        var command = new Command(verb, description) { id, note, url, key, config };
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
            await RunAsync(
                r, url, key, config,
                client => client.PostAsync($"api/v1/{route}/{Uri.EscapeDataString(r.GetValue(id)!)}/{verb}", new { note = r.GetValue(note) }, ct),
                (output, item) => output.WriteLine($"{verb}d {Text(item, "id")}: now {Text(item, "state")}")).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, Option<string?> url, Option<string?> key, Option<FileInfo?> config,
        Func<NodeApiClient, Task<(JsonElement? Body, string? Error)>> call, Action<TextWriter, JsonElement> print)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        var (client, problem) = NodeApiClient.Create(parse, url, key, config);
        if (client is null)
        {
            await error.WriteLineAsync($"itk3: {problem}").ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }

        using (client)
        {
            var (body, failure) = await call(client).ConfigureAwait(false);
            if (failure is not null)
            {
                await error.WriteLineAsync($"itk3: {failure}").ConfigureAwait(false);
                return ExitCodes.UsageOrIo;
            }

            print(output, body ?? default);
            return ExitCodes.Ok;
        }
    }

    private static void PrintPage(TextWriter output, JsonElement page)
    {
        output.WriteLine($"{"ID",-38} {"STATE",-12} {"ATTEMPTS",8}  {"CREATED (UTC)",-19}  {"LAST ERROR",-16} TRANSACTION / MESSAGE");
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            var created = item.GetProperty("createdAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            output.WriteLine($"{Text(item, "id"),-38} {Text(item, "state"),-12} {item.GetProperty("attempts").GetInt32(),8}  {created,-19}  "
                + $"{Text(item, "lastError"),-16} {Text(item, "transactionId") ?? Text(item, "inboundMeshMessageId")}");
        }

        output.WriteLine($"{page.GetProperty("total").GetInt32()} item(s); page {page.GetProperty("page").GetInt32()}");
    }

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
