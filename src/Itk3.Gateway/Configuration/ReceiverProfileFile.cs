using Itk3.Messaging.Validation;

namespace Itk3.Gateway.Configuration;

/// <summary>Loads a receiver profile file and, when it names one, its folder of MessageDefinition resources (relative to the file).</summary>
public static class ReceiverProfileFile
{
    /// <summary>The profile at <paramref name="path"/>, with the definitions of its <c>messageDefinitionFolder</c> added to its flows.</summary>
    /// <exception cref="System.Text.Json.JsonException">The profile is not valid.</exception>
    /// <exception cref="FormatException">A file in the definitions folder is not a MessageDefinition.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static ReceiverProfile Load(string path)
    {
        var profile = ReceiverProfile.FromJson(File.ReadAllText(path));
        if (profile.MessageDefinitionFolder is not { Length: > 0 } folder)
        {
            return profile;
        }

        var directory = Path.GetFullPath(folder, Path.GetDirectoryName(Path.GetFullPath(path))!);
        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), (ReadOnlyMemory<byte>)File.ReadAllBytes(f)));
        return MessageDefinitionResources.AddTo(profile, files);
    }
}
