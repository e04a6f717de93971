using System.Text.Json;
using Itk3.Fhir.ElementModel;

namespace Itk3.Benchmarks;

/// <summary>
/// The least any reader producing the public tree pays: a raw <see cref="Utf8JsonReader"/> scan plus one
/// <see cref="ElementNode"/> per value and per object, each value's string and each object's exact child array, with no
/// schema, no checks, no positions and one fixed name. Not a FHIR reader; a floor to compare the parse with.
/// </summary>
public static class JsonNodeFloor
{
    /// <summary>Builds the nodes of a whole document.</summary>
    public static ElementNode Build(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var levels = new List<List<ElementNode>>();
        reader.Read();
        return ReadObject(ref reader, levels, 0);
    }

    private static ElementNode ReadObject(ref Utf8JsonReader reader, List<List<ElementNode>> levels, int depth)
    {
        if (levels.Count == depth)
        {
            levels.Add([]);
        }

        var children = levels[depth];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
            ReadValue(ref reader, levels, depth, children);
        }

        var node = new ElementNode("e", null, children.ToArray());
        children.Clear();
        return node;
    }

    private static void ReadValue(ref Utf8JsonReader reader, List<List<ElementNode>> levels, int depth, List<ElementNode> into)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                into.Add(ReadObject(ref reader, levels, depth + 1));
                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ReadValue(ref reader, levels, depth, into);
                }

                break;
            default:
                into.Add(new ElementNode("e", reader.TokenType == JsonTokenType.String ? reader.GetString() : "v"));
                break;
        }
    }
}
