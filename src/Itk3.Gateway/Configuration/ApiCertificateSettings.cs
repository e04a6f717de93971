namespace Itk3.Gateway.Configuration;

/// <summary>The HTTP API's server certificate for an <c>https://</c> <c>apiUrl</c>; relative paths are against the configuration file's folder.</summary>
public sealed record ApiCertificateSettings
{
    /// <summary>A PEM certificate (with <see cref="KeyPath"/>, or its key in the same file) or a PKCS#12 <c>.pfx</c>/<c>.p12</c> file.</summary>
    public string Path { get; init; } = "";

    /// <summary>The PEM private key of a PEM <see cref="Path"/>; null when the key is in the same file or the file is PKCS#12.</summary>
    public string? KeyPath { get; init; }

    /// <summary>The PKCS#12 password, or the passphrase of an encrypted PEM key.</summary>
    public string? Password { get; init; }
}
