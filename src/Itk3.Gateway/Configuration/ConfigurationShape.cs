using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Itk3.Gateway.Configuration;

/// <summary>Checks layered configuration against the options types before binding: unknown keys and values of the wrong type, each reported with its JSON path.</summary>
internal static class ConfigurationShape
{
    /// <summary>Adds an error for every unknown key and every unconvertible value under <paramref name="section"/>.</summary>
    public static void Check(IConfiguration section, Type type, string path, ICollection<GatewayConfigError> errors, ISet<string>? opaque = null)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                errors.Add(new GatewayConfigError($"{path}.{child.Key}", "unknown key"));
                continue;
            }

            var at = $"{path}.{JsonName(property.Name)}";
            if (opaque?.Contains(at) != true)
            {
                CheckValue(child, property.PropertyType, at, errors);
            }
        }
    }

    /// <summary>The camel-case JSON name of a property.</summary>
    public static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static void CheckValue(IConfigurationSection section, Type type, string at, ICollection<GatewayConfigError> errors)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var children = section.GetChildren().ToList();
        if (IsScalar(type))
        {
            if (children.Count > 0)
            {
                errors.Add(new GatewayConfigError(at, $"expected {Describe(type)}, not an object or a list"));
            }
            else if (section.Value is { Length: > 0 } value && !Converts(value, type))
            {
                errors.Add(new GatewayConfigError(at, $"'{value}' is not {Describe(type)}"));
            }

            return;
        }

        if (ItemType(type) is { } item)
        {
            foreach (var child in children)
            {
                if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    errors.Add(new GatewayConfigError($"{at}.{child.Key}", "expected a list"));
                    continue;
                }

                CheckValue(child, item, $"{at}[{child.Key}]", errors);
            }

            return;
        }

        if (section.Value is { Length: > 0 })
        {
            errors.Add(new GatewayConfigError(at, "expected an object"));
            return;
        }

        Check(section, type, at, errors);
    }

    private static bool IsScalar(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal) || type == typeof(Uri);

    private static Type? ItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyList<>) || d == typeof(List<>) || d == typeof(IList<>)) ? type.GetGenericArguments()[0]
        : null;

    private static bool Converts(string value, Type type)
    {
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException || e.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type type) =>
        type == typeof(bool) ? "true or false"
        : type == typeof(int) || type == typeof(long) ? "an integer"
        : type == typeof(TimeSpan) ? "a duration such as \"00:05:00\" or \"1.00:00:00\""
        : type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type))}"
        : $"a {type.Name}";
}
