namespace Itk3.Gateway.Configuration;

/// <summary>The static checks of submit-side profile validation (the packages and profiles themselves are checked when loaded, see <see cref="Outbound.SubmitValidation"/>).</summary>
internal static partial class GatewayOptionsValidator
{
    private static void CheckSubmitValidation(GatewayOptions options, List<GatewayConfigError> errors)
    {
        for (var i = 0; i < options.ProfilePackages.Count; i++)
        {
            Require(options.ProfilePackages[i], $"$.profilePackages[{i}]", errors);
        }

        for (var i = 0; i < options.Flows.Count; i++)
        {
            if (options.Flows[i].Validate is not { } validate)
            {
                continue;
            }

            var at = $"$.flows[{i}].validate";
            if (validate.Profiles.Count == 0 && !validate.MetaProfile)
            {
                errors.Add(new(at, "names no profile and ignores meta.profile: nothing would be validated (name profiles, set metaProfile to true, or remove validate)"));
            }

            if (options.ProfilePackages.Count == 0)
            {
                errors.Add(new(at, "needs profilePackages: the folders or files of StructureDefinitions, ValueSets and CodeSystems to validate with"));
            }

            for (var j = 0; j < validate.Profiles.Count; j++)
            {
                if (!Uri.TryCreate(validate.Profiles[j], UriKind.Absolute, out _))
                {
                    errors.Add(new($"{at}.profiles[{j}]", "expected the canonical URL of a StructureDefinition (https://...)"));
                }
            }
        }
    }
}
