using Itk3.Fhir.Profiles.Loading;
using Itk3.Fhir.Profiles.Validation;
using Itk3.Messaging.Validation;

namespace Itk3.Gateway.Configuration;

/// <summary>Loads a receiver profile file and, when it names one, its folder of MessageDefinition resources (relative to the file).</summary>
public static class ReceiverProfileFile
{
    /// <summary>
    /// The profile at <paramref name="path"/>, with the definitions of its <c>messageDefinitionFolder</c> added to its flows
    /// and a payload validator over its <c>profilePackages</c>.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The profile is not valid.</exception>
    /// <exception cref="FormatException">A file in the definitions folder is not a MessageDefinition, or a profile package file is not FHIR.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static ReceiverProfile Load(string path)
    {
        var profile = WithPayloadValidator(ReceiverProfile.FromJson(File.ReadAllText(path)), path);
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

    /// <summary>
    /// The profiles the flows name in <c>payloadProfiles</c> that cannot be used (no package loaded, not in the packages,
    /// or unusable): the field (<c>flows[i].payloadProfiles[j]</c>) and what is wrong; empty when all can be used.
    /// </summary>
    public static IReadOnlyList<(string Field, string Problem)> UnusablePayloadProfiles(ReceiverProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<(string, string)>();
        for (var i = 0; i < profile.Flows.Count; i++)
        {
            var urls = profile.Flows[i].PayloadProfiles;
            for (var j = 0; j < urls.Count; j++)
            {
                string? why = "no profilePackages are loaded";
                if (profile.PayloadValidator is null || !profile.PayloadValidator.CanUse(urls[j], out why))
                {
                    problems.Add(($"flows[{i}].payloadProfiles[{j}]", $"{urls[j]} cannot be used: {why ?? "not in profilePackages"}"));
                }
            }
        }

        return problems;
    }

    // The payload profiles' package, loaded once with the profile; a package path that does not exist, or a flow's payload
    // profile the packages cannot provide, is a configuration error (found at start, not as 20009 on every message).
    private static ReceiverProfile WithPayloadValidator(ReceiverProfile profile, string path)
    {
        var loaded = LoadPackages(profile, path);
        var problems = UnusablePayloadProfiles(loaded);
        return problems.Count == 0
            ? loaded
            : throw new FormatException($"{problems[0].Field}: {problems[0].Problem}" + (problems.Count > 1 ? $" (and {problems.Count - 1} more)" : string.Empty));
    }

    private static ReceiverProfile LoadPackages(ReceiverProfile profile, string path)
    {
        if (profile.ProfilePackages.Count == 0)
        {
            return profile;
        }

        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var packages = profile.ProfilePackages.Select(p => Path.GetFullPath(p, baseDirectory)).ToList();
        if (packages.FirstOrDefault(p => !Directory.Exists(p) && !File.Exists(p)) is { } missing)
        {
            throw new DirectoryNotFoundException($"profilePackages: {missing} does not exist.");
        }

        var package = ConformanceLoader.Load(packages, out var problems);
        if (problems.Count > 0)
        {
            throw new FormatException($"profilePackages: {problems[0].Message}" + (problems.Count > 1 ? $" (and {problems.Count - 1} more)" : string.Empty));
        }

        return profile with { PayloadValidator = new ProfileValidator(package) };
    }
}
