using System.Text.Json.Serialization;

namespace Itk3.Mesh.Server.Storage;

/// <summary>
/// Source-generated JSON metadata for the journal's message records: no reflection-emitted
/// accessors to JIT (smaller process, cheaper first requests). The message record format is unchanged.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredMessage))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
