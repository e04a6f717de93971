using Microsoft.Extensions.Configuration;

namespace Itk3.Gateway.Configuration;

/// <summary>Binds <c>apiKeys</c> from layered configuration: each entry an object (<c>name</c>, <c>key</c>, <c>scopes</c>) or the deprecated plain key string.</summary>
internal static class ApiKeyBinding
{
    /// <summary>The JSON path of the section.</summary>
    public const string Path = "$.apiKeys";

    /// <summary>The keys under <paramref name="section"/> in configuration order; shape errors are added to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<ApiKeySettings> Read(IConfigurationSection section, List<GatewayConfigError> errors)
    {
        var keys = new List<ApiKeySettings>();
        foreach (var child in section.GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
        {
            var at = $"{Path}[{child.Key}]";
            if (!int.TryParse(child.Key, out _))
            {
                errors.Add(new GatewayConfigError($"{Path}.{child.Key}", "expected a list"));
            }
            else if (!child.GetChildren().Any())
            {
                keys.Add(ApiKeySettings.Legacy(child.Value ?? "", name: ""));
            }
            else
            {
                var before = errors.Count;
                ConfigurationShape.Check(child, typeof(ApiKeySettings), at, errors);
                if (errors.Count == before)
                {
                    keys.Add(new ApiKeySettings
                    {
                        Name = child["name"] ?? "",
                        Key = child["key"] ?? "",
                        Scopes = [.. child.GetSection("scopes").GetChildren().Select(s => s.Value ?? "")],
                    });
                }
            }
        }

        return keys;
    }
}
