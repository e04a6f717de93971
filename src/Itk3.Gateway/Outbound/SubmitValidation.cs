using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Profiles;
using Itk3.Fhir.Profiles.Loading;
using Itk3.Fhir.Profiles.Validation;
using Itk3.Gateway.Configuration;

namespace Itk3.Gateway.Outbound;

/// <summary>
/// Submit-side profile validation: the node's <c>profilePackages</c>, loaded once at start, and the profiles each flow's
/// <c>validate</c> option names, compiled once at start. Every intake (HTTP API, drop folder) goes through it.
/// </summary>
public sealed class SubmitValidation
{
    private SubmitValidation(ProfileValidator validator, IReadOnlyList<string> packages)
    {
        Validator = validator;
        Packages = packages;
    }

    /// <summary>The validator over the node's packages (shared; profiles compiled once).</summary>
    public ProfileValidator Validator { get; }

    /// <summary>The package paths loaded (absolute).</summary>
    public IReadOnlyList<string> Packages { get; }

    /// <summary>
    /// Loads <see cref="GatewayOptions.ProfilePackages"/> and checks that every profile a flow's <c>validate</c> names is
    /// usable; null when no package is configured. Throws <see cref="GatewayConfigException"/> listing every package
    /// that is missing or unreadable and every profile that cannot be used, each with its configuration path.
    /// </summary>
    public static SubmitValidation? Load(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ProfilePackages.Count == 0)
        {
            return null;
        }

        var errors = new List<GatewayConfigError>();
        var package = new ConformancePackage();
        for (var i = 0; i < options.ProfilePackages.Count; i++)
        {
            LoadPackage(package, options.ProfilePackages[i], $"$.profilePackages[{i}]", errors);
        }

        var validator = new ProfileValidator(package);
        if (errors.Count == 0)
        {
            CheckProfiles(options, validator, errors);
        }

        return errors.Count > 0 ? throw new GatewayConfigException(errors) : new SubmitValidation(validator, options.ProfilePackages);
    }

    /// <summary>The validation of a payload for a flow, or null when the flow has no <c>validate</c> option.</summary>
    public ProfileValidationResult? Validate(FlowSettings flow, ElementNode payload)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return flow.Validate is { } settings ? Validator.Validate(payload, settings.Profiles, settings.MetaProfile) : null;
    }

    /// <summary>One line per flow that validates, for <c>itk3 config check</c>.</summary>
    public static IEnumerable<string> Describe(GatewayOptions options, SubmitValidation? loaded)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var flow in options.EffectiveFlows.Where(f => f.Validate is not null))
        {
            var profiles = flow.Validate!.Profiles.Count == 0 ? "no profile named" : string.Join(", ", flow.Validate.Profiles);
            var claims = flow.Validate.MetaProfile ? "and the profiles payloads claim (meta.profile)" : "ignoring meta.profile";
            yield return $"Submit validation on {flow.WorkflowId}: {profiles} {claims}; packages: {string.Join(", ", loaded?.Packages ?? [])}.";
        }
    }

    private static void LoadPackage(ConformancePackage package, string path, string field, List<GatewayConfigError> errors)
    {
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            errors.Add(new(field, $"{path} does not exist"));
            return;
        }

        var problems = ConformanceLoader.LoadInto(package, [path]);
        if (problems.Count > 0)
        {
            var more = problems.Count > 1 ? $" (and {problems.Count - 1} more unreadable file(s))" : string.Empty;
            errors.Add(new(field, $"{problems[0].Message}{more}"));
        }
    }

    private static void CheckProfiles(GatewayOptions options, ProfileValidator validator, List<GatewayConfigError> errors)
    {
        for (var i = 0; i < options.Flows.Count; i++)
        {
            var profiles = options.Flows[i].Validate?.Profiles ?? [];
            for (var j = 0; j < profiles.Count; j++)
            {
                if (!validator.CanUse(profiles[j], out var problem))
                {
                    errors.Add(new($"$.flows[{i}].validate.profiles[{j}]", $"{profiles[j]} cannot be used: {problem ?? "not in profilePackages"}"));
                }
            }
        }
    }
}
