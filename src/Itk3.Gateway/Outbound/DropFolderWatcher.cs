using System.Text;
using System.Text.Json;
using Itk3.Gateway.Application;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Outbound;

/// <summary>Watches a folder for <c>*.submit.json</c> files and submits each once (the file name is the transaction id, so a repeat after a crash sends nothing new); done files move to <c>done/</c>, refused ones to <c>failed/</c> with a <c>.error.txt</c>.</summary>
/// <param name="folder">The watched folder.</param>
/// <param name="application">The node's application services.</param>
/// <param name="clock">The clock for the poll interval.</param>
/// <param name="interval">How often the folder is scanned.</param>
public sealed class DropFolderWatcher(string folder, IGatewayApplication application, TimeProvider clock, TimeSpan interval)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Scans until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ScanOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // A file still being written or moved: the next scan takes it.
            }

            await Task.Delay(interval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Submits every waiting file once; returns how many were handled.</summary>
    public async Task<int> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(folder, "*.submit.json").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var (result, error) = await SubmitFileAsync(file, cancellationToken).ConfigureAwait(false);
            var target = Path.Combine(folder, result?.IsAccepted == true ? "done" : "failed");
            Directory.CreateDirectory(target);
            var name = Path.GetFileName(file);
            if (result?.IsAccepted != true)
            {
                var detail = error ?? $"{result?.Error?.Code}: {result?.Error?.Detail}";
                await File.WriteAllTextAsync(Path.Combine(target, name + ".error.txt"), detail, cancellationToken).ConfigureAwait(false);
            }

            File.Move(file, Path.Combine(target, name), overwrite: true);
        }

        return files.Count;
    }

    private async Task<(SubmitResult? Result, string? Error)> SubmitFileAsync(string file, CancellationToken cancellationToken)
    {
        DropSubmission? submission;
        try
        {
            submission = JsonSerializer.Deserialize<DropSubmission>(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), JsonOptions);
        }
        catch (JsonException e)
        {
            return (null, $"invalid submission file: {e.Path}: {e.Message}");
        }

        if (submission is null || !Enum.TryParse<RecipientKind>(submission.RecipientKind, ignoreCase: true, out var kind))
        {
            return (null, "recipientKind: expected mailbox, ods or gpprovider");
        }

        byte[] payload;
        if (submission.PayloadFile is { Length: > 0 } payloadFile)
        {
            payload = await File.ReadAllBytesAsync(Path.Combine(Path.GetDirectoryName(file)!, payloadFile), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            payload = Encoding.UTF8.GetBytes(submission.Payload?.GetRawText() ?? string.Empty);
        }

        var id = "drop-" + Path.GetFileName(file)[..^".submit.json".Length];
        var request = new SubmitRequest(payload, kind, submission.Recipient, submission.Flow) { SenderReference = submission.SenderReference, TransactionId = id };
        return (await application.SubmitAsync(request, cancellationToken).ConfigureAwait(false), null);
    }
}
