using Itk3.Gateway.Configuration;

namespace Itk3.Gateway.Tests;

public sealed class ApiKeyConfigurationTests
{
    private const string Hash = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void Named_keys_keep_their_name_key_and_scopes()
    {
        var options = GatewayOptionsLoader.Parse($$"""{"apiKeys": [{"name": "ehr", "key": "{{Hash}}", "scopes": ["submit", "read"]}]}""");

        var key = Assert.Single(options.ApiKeys);
        Assert.Equal(("ehr", Hash, false), (key.Name, key.Key, key.IsLegacy));
        Assert.Equal(["submit", "read"], key.Scopes);
    }

    [Fact]
    public void A_plain_string_key_still_works_with_every_scope_and_a_positional_name()
    {
        var options = GatewayOptionsLoader.Parse("""{"apiKeys": [{"name": "ops", "key": "k1", "scopes": ["operate"]}, "legacy-secret"]}""");

        var legacy = options.ApiKeys[1];
        Assert.True(legacy.IsLegacy);
        Assert.Equal(("key-2", "legacy-secret"), (legacy.Name, legacy.Key));
        Assert.Equal(ApiScopes.All, legacy.Scopes);
    }

    [Theory]
    [InlineData("""{"apiKeys": [{"name": "a", "key": "", "scopes": ["read"]}]}""", "$.apiKeys[0].key")]
    [InlineData("""{"apiKeys": ["ok", ""]}""", "$.apiKeys[1]")]
    [InlineData("""{"apiKeys": [{"name": "a", "key": "sha256:abc", "scopes": ["read"]}]}""", "$.apiKeys[0].key")]
    [InlineData("""{"apiKeys": [{"name": "a", "key": "sha256:zz86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "scopes": ["read"]}]}""", "$.apiKeys[0].key")]
    [InlineData("""{"apiKeys": [{"name": "a", "key": "k", "scopes": ["read", "delete"]}]}""", "$.apiKeys[0].scopes[1]")]
    [InlineData("""{"apiKeys": [{"name": "a", "key": "k", "scopes": []}]}""", "$.apiKeys[0].scopes")]
    [InlineData("""{"apiKeys": [{"key": "k", "scopes": ["read"]}]}""", "$.apiKeys[0].name")]
    [InlineData("""{"apiKeys": [{"name": "a", "key": "k", "scopes": ["read"]}, {"name": "A", "key": "j", "scopes": ["read"]}]}""", "$.apiKeys[1].name")]
    [InlineData("""{"apiKeys": [{"name": "a", "key": "k", "scopes": ["read"], "role": "x"}]}""", "$.apiKeys[0].role")]
    public void A_bad_key_entry_is_refused_at_load_naming_its_json_path(string json, string field)
    {
        var error = Assert.Throws<GatewayConfigException>(() => GatewayOptionsLoader.Parse(json));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Admin_holds_every_scope_and_other_scopes_only_themselves()
    {
        Assert.Equal(ApiScopes.All, ApiScopes.Effective([ApiScopes.Admin]));
        Assert.Equal([ApiScopes.Read], ApiScopes.Effective([ApiScopes.Read, ApiScopes.Read]));
    }
}
