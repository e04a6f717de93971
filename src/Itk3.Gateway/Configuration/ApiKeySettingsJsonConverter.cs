using System.Text.Json;
using System.Text.Json.Serialization;

namespace Itk3.Gateway.Configuration;

/// <summary>Reads an <c>apiKeys</c> entry either as an object (<c>name</c>, <c>key</c>, <c>scopes</c>) or as the deprecated plain key string.</summary>
internal sealed class ApiKeySettingsJsonConverter : JsonConverter<ApiKeySettings>
{
    /// <inheritdoc />
    public override ApiKeySettings Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return ApiKeySettings.Legacy(reader.GetString()!, name: "");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected an object with name, key and scopes (or a key string)");
        }

        var settings = new ApiKeySettings();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString()!;
            reader.Read();
            settings = property.ToLowerInvariant() switch
            {
                "name" => settings with { Name = ReadString(ref reader, property) },
                "key" => settings with { Key = ReadString(ref reader, property) },
                "scopes" => settings with { Scopes = JsonSerializer.Deserialize<string[]>(ref reader, options) ?? [] },
                _ => throw new JsonException($"'{property}' is not a member of an API key (name, key, scopes)"),
            };
        }

        return settings;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ApiKeySettings value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WriteString("key", value.Key);
        writer.WritePropertyName("scopes");
        JsonSerializer.Serialize(writer, value.Scopes, options);
        writer.WriteEndObject();
    }

    private static string ReadString(ref Utf8JsonReader reader, string property) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"'{property}' must be a string");
}
