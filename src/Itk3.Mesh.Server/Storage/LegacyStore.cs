using System.Text.Json;

namespace Itk3.Mesh.Server.Storage;

/// <summary>Imports a data directory written before the journal (one <c>messages/{id}.json</c> per message) into the journal.</summary>
internal static class LegacyStore
{
    public static async Task ImportAsync(string root, MessageStore store, CancellationToken ct)
    {
        var dir = Path.Combine(root, "messages");
        if (!Directory.Exists(dir))
        {
            return;
        }

        var commit = Task.CompletedTask;
        foreach (var file in Directory.EnumerateFiles(dir, "*.json"))
        {
            await using var stream = File.OpenRead(file);
            var message = await JsonSerializer.DeserializeAsync(stream, MessageStore.MessageJson, ct).ConfigureAwait(false);
            if (message is not null && store.Find(message.MessageId) is null)
            {
                commit = store.Save(message, durable: true);
            }
        }

        // The journal is ordered, so the last commit covers every record before it; only then are the old files removed.
        await commit.ConfigureAwait(false);
        Directory.Delete(dir, recursive: true);
    }
}
