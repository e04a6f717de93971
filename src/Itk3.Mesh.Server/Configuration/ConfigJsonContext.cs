using System.Text.Json;
using System.Text.Json.Serialization;

namespace Itk3.Mesh.Server.Configuration;

/// <summary>
/// Source-generated JSON metadata for the server's config file (camelCase, case-insensitive, comments and trailing
/// commas allowed, unknown members refused): no reflection, so the server also runs as a Native AOT binary.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(MeshServerConfig))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
