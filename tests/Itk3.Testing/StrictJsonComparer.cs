using System.Text.Json;

namespace Itk3.Testing;

/// <summary>
/// Compares JSON documents as FHIR content: object properties in any order, arrays in order, strings by value and
/// numbers by their exact text (so <c>1.10</c> differs from <c>1.1</c>). Returns the path of the first difference.
/// </summary>
public static class StrictJsonComparer
{
    /// <summary>The path of the first difference, or null when the documents are equivalent.</summary>
    public static string? FindDifference(ReadOnlyMemory<byte> left, ReadOnlyMemory<byte> right) =>
        FindDifference(left, right, (_, a, b) => a == b);

    /// <summary>
    /// The path of the first difference, or null; strings are equal when <paramref name="stringsEqual"/> (given the
    /// path and both strings) says so, e.g. narrative divs compared by meaning.
    /// </summary>
    public static string? FindDifference(ReadOnlyMemory<byte> left, ReadOnlyMemory<byte> right, Func<string, string, string, bool> stringsEqual)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);
        return new Comparison(stringsEqual).Compare(a.RootElement, b.RootElement, "$");
    }

    private sealed class Comparison(Func<string, string, string, bool> stringsEqual)
    {
        public string? Compare(JsonElement left, JsonElement right, string path)
        {
            if (left.ValueKind != right.ValueKind)
            {
                return $"{path}: {left.ValueKind} vs {right.ValueKind}";
            }

            return left.ValueKind switch
            {
                JsonValueKind.Object => CompareObjects(left, right, path),
                JsonValueKind.Array => CompareArrays(left, right, path),
                JsonValueKind.String => stringsEqual(path, left.GetString()!, right.GetString()!) ? null : $"{path}: string differs",
                JsonValueKind.Number => left.GetRawText() == right.GetRawText() ? null : $"{path}: {left.GetRawText()} vs {right.GetRawText()}",
                _ => null,
            };
        }

        private string? CompareObjects(JsonElement left, JsonElement right, string path)
        {
            var rightProperties = right.EnumerateObject().ToDictionary(property => property.Name, property => property.Value);
            var count = 0;
            foreach (var property in left.EnumerateObject())
            {
                count++;
                if (!rightProperties.TryGetValue(property.Name, out var other))
                {
                    return $"{path}.{property.Name}: missing on the right";
                }

                var difference = Compare(property.Value, other, $"{path}.{property.Name}");
                if (difference is not null)
                {
                    return difference;
                }
            }

            return count == rightProperties.Count ? null : $"{path}: the right has extra properties";
        }

        private string? CompareArrays(JsonElement left, JsonElement right, string path)
        {
            if (left.GetArrayLength() != right.GetArrayLength())
            {
                return $"{path}: {left.GetArrayLength()} items vs {right.GetArrayLength()}";
            }

            var index = 0;
            foreach (var (a, b) in left.EnumerateArray().Zip(right.EnumerateArray()))
            {
                var difference = Compare(a, b, $"{path}[{index++}]");
                if (difference is not null)
                {
                    return difference;
                }
            }

            return null;
        }
    }
}
