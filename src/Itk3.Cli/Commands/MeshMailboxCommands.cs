using System.CommandLine;
using Itk3.Mesh.Models;

namespace Itk3.Cli.Commands;

/// <summary>The <c>itk3 mesh</c> subcommands that move no payload: handshake, inbox, ack, track, lookup, workflow-search.</summary>
internal static class MeshMailboxCommands
{
    /// <summary>Creates the subcommands over the shared connection options.</summary>
    public static IEnumerable<Command> Create(MeshConnectionOptions connection) =>
        [Handshake(connection), Inbox(connection), Ack(connection), Track(connection), Lookup(connection), WorkflowSearch(connection)];

    private static Command Handshake(MeshConnectionOptions connection)
    {
        var command = new Command("handshake", "Validate the mailbox and credentials (do it at start-up and daily).\nExample: itk3 mesh handshake --mailbox X26ABC1");
        command.SetAction((r, ct) => MeshCommand.RunAsync(r, connection, async (client, output) =>
        {
            await client.HandshakeAsync(ct);
            await output.WriteLineAsync("ok");
            return 0;
        }, ct));
        return command;
    }

    private static Command Inbox(MeshConnectionOptions connection)
    {
        var max = new Option<int?>("--max") { Description = "Page size, 10 to 5000 (server default 500)." };
        var filter = new Option<string?>("--filter") { Description = "Workflow filter: WF (equals), !WF, WF* (starts with), *X* (contains), !*X*." };
        var all = new Option<bool>("--all") { Description = "Follow links.next until the last page." };
        var command = new Command("inbox", "List message IDs waiting in the inbox, oldest first, one per line.\nExamples: itk3 mesh inbox --all   itk3 mesh inbox --filter '!*_ACK'") { max, filter, all };
        command.SetAction((r, ct) => MeshCommand.RunAsync(r, connection, async (client, output) =>
        {
            var page = await client.ListInboxAsync(new InboxQuery(r.GetValue(max), r.GetValue(filter)), ct);
            while (true)
            {
                foreach (var id in page.MessageIds)
                {
                    await output.WriteLineAsync(id);
                }

                if (!r.GetValue(all) || page.NextLink is null)
                {
                    break;
                }

                page = await client.ListInboxNextAsync(page.NextLink, ct);
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command Ack(MeshConnectionOptions connection)
    {
        var ids = new Argument<string[]>("message-id") { Description = "One or more message IDs.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ack", "Acknowledge downloaded messages (removes them from the inbox).\nExample: itk3 mesh ack 0123ABCD 4567EF01") { ids };
        command.SetAction((r, ct) => MeshCommand.RunAsync(r, connection, async (client, output) =>
        {
            foreach (var id in r.GetValue(ids) ?? [])
            {
                await client.AcknowledgeAsync(id, ct);
                await output.WriteLineAsync($"acknowledged {id}");
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command Track(MeshConnectionOptions connection)
    {
        var id = new Argument<string?>("message-id") { Description = "ID of a message you sent.", Arity = ArgumentArity.ZeroOrOne };
        var localId = new Option<string?>("--local-id") { Description = "Track by the mex-LocalID you sent instead (to reconcile a send whose answer was lost)." };
        var command = new Command("track", "Show the delivery status of a message you sent (status: uploading, accepted, acknowledged, undeliverable, error).\nExamples: itk3 mesh track 0123ABCD   itk3 mesh track --local-id discharge-42") { id, localId };
        command.SetAction((r, ct) => MeshCommand.RunAsync(r, connection, async (client, output) =>
        {
            var t = r.GetValue(localId) is { Length: > 0 } local ? await client.TrackByLocalIdAsync(local, ct)
                : r.GetValue(id) is { Length: > 0 } messageId ? await client.TrackAsync(messageId, ct)
                : throw new ArgumentException("Give a message ID or --local-id.");
            await MeshOutput.WriteTrackingAsync(output, t);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Lookup(MeshConnectionOptions connection)
    {
        var ods = new Argument<string>("ods-code") { Description = "Organisation ODS code, e.g. X26." };
        var workflow = new Argument<string>("workflow-id") { Description = "Workflow ID, e.g. TOC_FHIR_IP_DISCH." };
        var command = new Command("lookup", "Find the mailbox an organisation registered for a workflow (mailbox id and name per line; exit 1 when none).\nExample: itk3 mesh lookup X26 TOC_FHIR_IP_DISCH") { ods, workflow };
        command.SetAction((r, ct) => MeshCommand.RunAsync(r, connection, async (client, output) =>
            await MeshOutput.WriteMailboxesAsync(output, await client.LookupEndpointAsync(r.GetValue(ods)!, r.GetValue(workflow)!, ct)), ct));
        return command;
    }

    private static Command WorkflowSearch(MeshConnectionOptions connection)
    {
        var workflow = new Argument<string>("workflow-id") { Description = "Workflow ID." };
        var command = new Command("workflow-search", "List the mailboxes that receive a workflow (exit 1 when none).\nExample: itk3 mesh workflow-search GPCONNECT_SEND_DOCUMENT") { workflow };
        command.SetAction((r, ct) => MeshCommand.RunAsync(r, connection, async (client, output) =>
            await MeshOutput.WriteMailboxesAsync(output, await client.SearchWorkflowAsync(r.GetValue(workflow)!, ct)), ct));
        return command;
    }
}
