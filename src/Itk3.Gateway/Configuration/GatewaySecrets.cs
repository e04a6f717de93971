namespace Itk3.Gateway.Configuration;

/// <summary>Completes options after binding: secrets read from their <c>*File</c> settings (mounted secrets), file paths made absolute.</summary>
internal static class GatewaySecrets
{
    /// <summary>The options with secrets and paths resolved; problems are added to <paramref name="errors"/>.</summary>
    public static GatewayOptions Resolve(GatewayOptions options, string baseFolder, List<GatewayConfigError> errors)
    {
        var mesh = options.Mesh;
        var certificate = mesh.ClientCertificate;
        if (certificate is not null)
        {
            certificate = certificate with
            {
                Path = Absolute(certificate.Path, baseFolder),
                KeyPath = Absolute(certificate.KeyPath, baseFolder),
                Password = Secret(certificate.Password, certificate.PasswordFile, baseFolder, "$.mesh.clientCertificate.password", errors),
            };
        }

        mesh = mesh with
        {
            Password = Secret(mesh.Password, mesh.PasswordFile, baseFolder, "$.mesh.password", errors),
            SharedKey = Secret(mesh.SharedKey, mesh.SharedKeyFile, baseFolder, "$.mesh.sharedKey", errors),
            ClientCertificate = certificate,
            TrustedRootsPath = Absolute(mesh.TrustedRootsPath, baseFolder),
        };
        var keys = options.ApiKeys;
        if (options.ApiKeysFile is { Length: > 0 } keysFile && Read(keysFile, baseFolder, "$.apiKeysFile", errors) is { } text)
        {
            keys = [.. keys, .. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(k => !k.StartsWith('#')).Select(k => ApiKeySettings.Legacy(k, name: ""))];
        }

        var api = options.ApiCertificate is { } c ? c with { Path = Absolute(c.Path, baseFolder) ?? "", KeyPath = Absolute(c.KeyPath, baseFolder) } : null;
        var store = options.Store with
        {
            ConnectionString = Secret(options.Store.ConnectionString, options.Store.ConnectionStringFile, baseFolder, "$.store.connectionString", errors),
        };
        var packages = options.ProfilePackages.Select(p => Absolute(p, baseFolder) ?? p).ToList();
        return options with { Mesh = mesh, ApiKeys = keys, ApiCertificate = api, Store = store, ProfilePackages = packages };
    }

    private static string? Absolute(string? path, string baseFolder) => path is { Length: > 0 } ? Path.GetFullPath(path, baseFolder) : path;

    private static string? Secret(string? value, string? file, string baseFolder, string field, List<GatewayConfigError> errors)
    {
        if (file is not { Length: > 0 })
        {
            return value;
        }

        if (value is { Length: > 0 })
        {
            errors.Add(new GatewayConfigError(field, $"set either {field[2..].Split('.')[^1]} or {field[2..].Split('.')[^1]}File, not both"));
            return value;
        }

        return Read(file, baseFolder, field + "File", errors)?.TrimEnd('\r', '\n');
    }

    private static string? Read(string file, string baseFolder, string field, List<GatewayConfigError> errors)
    {
        try
        {
            return File.ReadAllText(Path.GetFullPath(file, baseFolder));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new GatewayConfigError(field, $"cannot read the secret file: {e.GetType().Name}"));
            return null;
        }
    }
}
