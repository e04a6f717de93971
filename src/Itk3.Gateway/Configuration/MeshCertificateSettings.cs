namespace Itk3.Gateway.Configuration;

/// <summary>A MESH client certificate: a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>, with a password) or a PEM certificate with a PEM key.</summary>
public sealed record MeshCertificateSettings
{
    /// <summary>The certificate file: <c>.pfx</c>/<c>.p12</c>, or PEM (<c>.pem</c>/<c>.crt</c>) with <see cref="KeyPath"/>.</summary>
    public string? Path { get; init; }

    /// <summary>The PEM private key of a PEM certificate (it may also sit in the certificate file itself).</summary>
    public string? KeyPath { get; init; }

    /// <summary>The password of a PKCS#12 file or of an encrypted PEM key.</summary>
    public string? Password { get; init; }

    /// <summary>A file holding that password (a mounted secret); used when <see cref="Password"/> is not set.</summary>
    public string? PasswordFile { get; init; }
}
