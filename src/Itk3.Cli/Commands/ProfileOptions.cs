using System.CommandLine;
using Itk3.Fhir.Profiles.Loading;
using Itk3.Fhir.Profiles.Validation;
using Itk3.Fhir.Serialization;

namespace Itk3.Cli.Commands;

/// <summary>The <c>--profile</c> and <c>--package</c> options of <c>itk3 check</c>, and the validator they set up.</summary>
internal static class ProfileOptions
{
    /// <summary>The <c>--profile</c> option: a profile URL (from a package) or a StructureDefinition file; repeatable.</summary>
    public static Option<string[]> Profile() => new("--profile")
    {
        Description = "Profile every input must meet: a canonical URL loaded with --package, or a StructureDefinition file. Repeatable.",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The <c>--package</c> option: folders or files of StructureDefinitions, ValueSets and CodeSystems; repeatable.</summary>
    public static Option<string[]> Package() => new("--package")
    {
        Description = "Folder or file of conformance resources (StructureDefinitions, ValueSets, CodeSystems; XML, JSON or Bundles). " +
            "With it, each input is also validated against the profiles its meta.profile claims. Repeatable.",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>
    /// The validator and the profile URLs to require, or (null, []) when neither option was given; null with an error
    /// message written when a profile file or package cannot be read.
    /// </summary>
    public static (ProfileValidator? Validator, IReadOnlyList<string> Profiles, bool Failed) Create(string[] profiles, string[] packages, TextWriter error)
    {
        if (profiles.Length == 0 && packages.Length == 0)
        {
            return (null, [], false);
        }

        var missing = packages.Where(p => !Directory.Exists(p) && !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            error.WriteLine($"error: package {missing[0]} does not exist.");
            return (null, [], true);
        }

        var package = ConformanceLoader.Load(packages, out var problems);
        foreach (var problem in problems)
        {
            error.WriteLine($"warning: {problem.Message}");
        }

        var urls = new List<string>();
        foreach (var profile in profiles)
        {
            var url = File.Exists(profile) ? LoadProfileFile(package, profile, error) : profile;
            if (url is null)
            {
                return (null, [], true);
            }

            urls.Add(url);
        }

        return (new ProfileValidator(package), urls, false);
    }

    private static string? LoadProfileFile(ConformancePackage package, string file, TextWriter error)
    {
        var content = File.ReadAllBytes(file);
        var format = FhirSerializer.DetectFormat(content);
        var root = format is null ? null : FhirSerializer.Parse(content, format.Value, ParseOptions.Lenient).Root;
        if (root?.ResourceType != "StructureDefinition" || root.ChildValue("url") is not { } url)
        {
            error.WriteLine($"error: {file} is not a StructureDefinition with a url.");
            return null;
        }

        package.Add(root, file);
        return url;
    }
}
