using System.Text;
using System.Text.Json;
using Itk3.Gateway.Application;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Outbound;

/// <summary>
/// Watches a folder for <c>*.submit.json</c> files and submits each once (the file name is the transaction id, so a repeat
/// after a crash sends nothing new). Done files move to <c>done/</c> and their payload file is removed (or archived there);
/// a file that cannot be processed, for whatever reason, moves to <c>failed/</c> with a <c>.error.txt</c> and never stops
/// the watcher or blocks later files. Payload files must lie inside the folder.
/// </summary>
/// <param name="folder">The watched folder.</param>
/// <param name="application">The node's application services.</param>
/// <param name="clock">The clock for the poll interval.</param>
/// <param name="interval">How often the folder is scanned.</param>
/// <param name="archivePayloads">Keep processed payload files in <c>done/</c> instead of removing them.</param>
public sealed class DropFolderWatcher(string folder, IGatewayApplication application, TimeProvider clock, TimeSpan interval, bool archivePayloads = false)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };
    private readonly string _root = Path.GetFullPath(folder);

    /// <summary>Scans until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        PrivateFiles.CreateFolder(_root);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ScanOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The folder itself could not be listed (or a move failed): the next scan tries again.
            }

            await Task.Delay(interval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Submits every waiting file once; returns how many were handled.</summary>
    public async Task<int> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(_root, "*.submit.json").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            string? payload = null;
            string? error;
            try
            {
                (payload, error) = await SubmitFileAsync(file, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = $"cannot process the submission: {e.GetType().Name}";
            }

            Finish(file, payload, error);
        }

        return files.Count;
    }

    private void Finish(string file, string? payload, string? error)
    {
        var target = Path.Combine(_root, error is null ? "done" : "failed");
        PrivateFiles.CreateFolder(target);
        var name = Path.GetFileName(file);
        if (error is not null)
        {
            File.WriteAllText(Path.Combine(target, name + ".error.txt"), error);
        }

        File.Move(file, Path.Combine(target, name), overwrite: true);
        if (payload is null || !File.Exists(payload))
        {
            return;
        }

        // The payload holds patient data: it does not stay in the watched folder.
        if (error is null && !archivePayloads)
        {
            File.Delete(payload);
        }
        else
        {
            File.Move(payload, Path.Combine(target, Path.GetFileName(payload)), overwrite: true);
        }
    }

    /// <summary>The payload file it named (when confined to the folder) and the reason it was refused, or null when accepted.</summary>
    private async Task<(string? Payload, string? Error)> SubmitFileAsync(string file, CancellationToken cancellationToken)
    {
        DropSubmission? submission;
        try
        {
            submission = JsonSerializer.Deserialize<DropSubmission>(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), JsonOptions);
        }
        catch (JsonException e)
        {
            return (null, $"invalid-submission: {e.Path}: {e.Message}");
        }

        if (submission is null || !Enum.TryParse<RecipientKind>(submission.RecipientKind, ignoreCase: true, out var kind))
        {
            return (null, "invalid-submission: recipientKind: expected mailbox, ods or gpprovider");
        }

        string? path = null;
        byte[] payload;
        if (submission.PayloadFile is { Length: > 0 } payloadFile)
        {
            if (Confine(payloadFile) is not { } confined)
            {
                return (null, "payload-file-refused: payloadFile must be a relative path inside the drop folder");
            }

            path = confined;
            if (new FileInfo(path).LinkTarget is not null)
            {
                return (null, "payload-file-refused: payloadFile must not be a link");
            }

            if (!File.Exists(path))
            {
                return (null, $"payload-file-missing: '{payloadFile}' is not a file in the drop folder");
            }

            payload = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            payload = Encoding.UTF8.GetBytes(submission.Payload?.GetRawText() ?? string.Empty);
        }

        var id = "drop-" + Path.GetFileName(file)[..^".submit.json".Length];
        var request = new SubmitRequest(payload, kind, submission.Recipient, submission.Flow) { SenderReference = submission.SenderReference, TransactionId = id };
        var result = await application.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        return (path, result.Error is { } refused ? Describe(refused) : null);
    }

    /// <summary>The full path of a payload file named relative to the folder, or null when it is absolute or escapes it.</summary>
    private string? Confine(string payloadFile)
    {
        if (Path.IsPathRooted(payloadFile))
        {
            return null;
        }

        var full = Path.GetFullPath(payloadFile, _root);
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private static string Describe(GatewayError error)
    {
        var text = new StringBuilder($"{error.Code}: {error.Detail}");
        foreach (var issue in error.Issues)
        {
            text.Append('\n').Append($"{issue.Code} at {issue.Location} (line {issue.Position.Line}, column {issue.Position.Column}): {issue.Message}");
        }

        foreach (var issue in error.ProfileIssues)
        {
            text.Append('\n').Append(issue.ToString());
        }

        return text.ToString();
    }
}
