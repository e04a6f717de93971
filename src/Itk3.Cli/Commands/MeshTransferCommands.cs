using System.CommandLine;
using Itk3.Mesh.Models;

namespace Itk3.Cli.Commands;

/// <summary>The <c>itk3 mesh</c> subcommands that move payloads: send and download (both streamed, any size).</summary>
internal static class MeshTransferCommands
{
    /// <summary>Creates the subcommands over the shared connection options.</summary>
    public static IEnumerable<Command> Create(MeshConnectionOptions connection) => [Send(connection), Download(connection)];

    private static Command Send(MeshConnectionOptions connection)
    {
        var file = new Argument<string>("file") { Description = "File to send, or - for standard input." };
        var to = new Option<string>("--to") { Description = "Recipient mailbox ID (or GPPROVIDER_<nhs>_<dob>_<surname>).", Required = true };
        var workflow = new Option<string>("--workflow") { Description = "Workflow ID, e.g. TOC_FHIR_IP_DISCH.", Required = true };
        var subject = new Option<string?>("--subject") { Description = "Subject (no personal data)." };
        var localId = new Option<string?>("--local-id") { Description = "Your reference, shown in tracking and REPORTs (no personal data)." };
        var fileName = new Option<string?>("--file-name") { Description = "File name the recipient sees (default: the file's name)." };
        var contentType = new Option<string?>("--content-type") { Description = "Media type, e.g. application/fhir+json." };
        var checksum = new Option<string?>("--checksum") { Description = "Your checksum of the content, e.g. md5:0123abcd." };
        var compress = new Option<bool>("--compress") { Description = "Gzip each chunk for transport." };
        var noChunk = new Option<bool>("--no-chunk") { Description = "Send as one request whatever the size (for recipients that cannot take chunked messages); refused above 100 MB." };
        var chunkSize = new Option<int?>("--chunk-size") { Description = "Chunk size in bytes (default 20 MiB; MESH advises more than 5 MiB)." };
        var command = new Command("send", """
            Send a file (any size: it is split into chunks and streamed). Prints the message ID MESH assigned.
            The first request is never retried (a lost answer would duplicate the message): on a timeout, check with
            'itk3 mesh track' before sending again.
            Examples:
              itk3 mesh send --to X26ABC2 --workflow TOC_FHIR_IP_DISCH --content-type application/fhir+json bundle.json
              cat big.bin | itk3 mesh send --to X26ABC2 --workflow TEST_WORKFLOW --compress --file-name big.bin -
              itk3 mesh send --to X26ABC2 --workflow TEST_WORKFLOW --no-chunk report.pdf
            """) { file, to, workflow, subject, localId, fileName, contentType, checksum, compress, noChunk, chunkSize };
        command.SetAction((r, ct) => MeshCommand.RunAsync(r, connection, async (client, output) =>
        {
            var path = r.GetValue(file)!;
            await using var content = path == "-" ? Console.OpenStandardInput() : OpenRead(path);
            var request = new MeshSendRequest(r.GetValue(to)!, r.GetValue(workflow)!)
            {
                Subject = r.GetValue(subject), LocalId = r.GetValue(localId), ContentType = r.GetValue(contentType),
                FileName = r.GetValue(fileName) ?? (path == "-" ? null : Path.GetFileName(path)),
                ContentChecksum = r.GetValue(checksum), Compress = r.GetValue(compress) ? true : null,
                Chunk = r.GetValue(noChunk) ? false : null,
            };
            var result = await client.SendAsync(request, content, ct);
            await output.WriteLineAsync(result.MessageId);
            return 0;
        }, ct, r.GetValue(chunkSize)));
        return command;
    }

    private static Command Download(MeshConnectionOptions connection)
    {
        var id = new Argument<string>("message-id") { Description = "ID from 'itk3 mesh inbox'." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the content: a file path, or - for standard output (default: the message's file name, else {id}.dat)." };
        var ack = new Option<bool>("--ack") { Description = "Acknowledge once the content is safely written." };
        var chunk = new Option<int?>("--chunk") { Description = "Fetch only chunk N (1..N of mex-chunk-range), e.g. to resume or inspect one part (default {id}.{N}.dat)." };
        var format = new Option<string>("--format") { Description = "Metadata output: text (name: value lines) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("download", """
            Download a message (all chunks, streamed) and print its metadata, including the sender's
            content_checksum, content_compressed, content_encrypted and partner_id. A REPORT (non-delivery notice) has
            no content: its linked message ID and status code are printed instead.
            Examples:
              itk3 mesh download 0123ABCD --output bundle.json --ack
              itk3 mesh download 0123ABCD -o - | jq .
              itk3 mesh download 0123ABCD --chunk 3 --format json
            """) { id, output, ack, chunk, format };
        command.SetAction((r, ct) => MeshCommand.RunAsync(r, connection, async (client, stdout) =>
        {
            var messageId = r.GetValue(id)!;
            var number = r.GetValue(chunk);
            if (number < 1)
            {
                throw new ArgumentException("--chunk must be 1 or more.");
            }

            await using (var download = number is { } n ? await client.DownloadChunkAsync(messageId, n, ct) : await client.DownloadAsync(messageId, ct))
            {
                var target = r.GetValue(output);
                var info = target == "-" ? r.InvocationConfiguration.Error : stdout;
                await MeshOutput.WriteMetadataAsync(info, download.Metadata, r.GetValue(format) == "json");
                if (!download.Metadata.IsReport)
                {
                    await WriteContentAsync(download, target ?? (number is { } k ? $"{download.Metadata.MessageId}.{k}.dat" : null), ct);
                }
            }

            if (r.GetValue(ack))
            {
                await client.AcknowledgeAsync(messageId, ct);
            }

            return 0;
        }, ct));
        return command;
    }

    private static async Task WriteContentAsync(MeshDownload download, string? target, CancellationToken ct)
    {
        if (target == "-")
        {
            await using var stdout = Console.OpenStandardOutput();
            await download.Content.CopyToAsync(stdout, ct);
            return;
        }

        var path = target ?? SafeFileName(download.Metadata);
        var partial = path + ".part";
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await download.Content.CopyToAsync(file, ct);
            await file.FlushAsync(ct);
        }

        File.Move(partial, path, overwrite: true);
    }

    private static string SafeFileName(MeshMessageMetadata metadata)
    {
        var name = Path.GetFileName(metadata.FileName ?? string.Empty);
        return name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 ? $"{metadata.MessageId}.dat" : name;
    }

    private static FileStream OpenRead(string path) =>
        File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : throw new ArgumentException($"No such file: {path}");
}
