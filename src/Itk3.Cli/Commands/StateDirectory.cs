using System.CommandLine;
using System.Text.Json;
using Itk3.Messaging.Validation;

namespace Itk3.Cli.Commands;

/// <summary>
/// The <c>--state DIR</c> of <c>itk3 validate</c> and <c>itk3 respond</c>: what the node's store keeps (MessageHeader ids
/// and document ids seen, accepted documents for replacement checks) in <c>DIR/history.json</c>, so that a sequence of
/// files is judged exactly as the node would judge the same sequence (20007, 20008, 20014).
/// </summary>
internal static class StateDirectory
{
    private const string FileName = "history.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The <c>--state</c> option.</summary>
    public static Option<DirectoryInfo?> Option() => new("--state")
    {
        Description = "Folder that keeps what a node's store keeps (messages and documents seen) across calls, so duplicates (20007/20008) and replacements (20014) are judged as the node would. Created when missing.",
    };

    /// <summary>The history in the folder (empty when the folder or file is new), or null after printing why it cannot be read.</summary>
    public static MessageHistory? Load(DirectoryInfo folder, TextWriter error)
    {
        var path = Path.Combine(folder.FullName, FileName);
        try
        {
            if (!File.Exists(path))
            {
                return new MessageHistory();
            }

            var snapshot = JsonSerializer.Deserialize<HistorySnapshot>(File.ReadAllText(path), JsonOptions) ?? new HistorySnapshot();
            return MessageHistory.FromSnapshot(snapshot);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            error.WriteLine($"error: cannot read the state {path}: {exception.Message}");
            return null;
        }
    }

    /// <summary>Writes the history (to a temporary file, then moved over the old one); false after printing why it failed.</summary>
    public static bool Save(DirectoryInfo folder, MessageHistory history, TextWriter error)
    {
        var path = Path.Combine(folder.FullName, FileName);
        try
        {
            folder.Create();
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(history.Snapshot(), JsonOptions));
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write the state {path}: {exception.Message}");
            return false;
        }
    }
}
