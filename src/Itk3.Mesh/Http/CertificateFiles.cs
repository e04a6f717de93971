using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Itk3.Mesh.Http;

/// <summary>
/// Loads TLS certificates from files, the one way every part of itk3 does it (MESH client certificate, API and MESH server
/// certificates, trust roots): PEM (certificate and key in one file or two, the key optionally encrypted) or PKCS#12.
/// </summary>
public static class CertificateFiles
{
    /// <summary>
    /// Loads a certificate with its private key. A <c>.pfx</c>/<c>.p12</c> file, or any file that starts as DER does, is PKCS#12
    /// opened with <paramref name="password"/>; any other is PEM: its key is read from <paramref name="keyPath"/> (else from
    /// the same file) and decrypted with <paramref name="password"/> when one is given. Throws <see cref="CryptographicException"/>
    /// (wrong password, no private key, not a certificate) or <see cref="IOException"/> / <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    public static X509Certificate2 LoadWithPrivateKey(string path, string? keyPath = null, string? password = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        X509Certificate2 certificate;
        try
        {
            certificate = IsPkcs12(path) ? X509CertificateLoader.LoadPkcs12FromFile(path, password) : LoadPem(path, keyPath, password);
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException($"'{path}'{(keyPath is null ? "" : $" with key '{keyPath}'")}: {e.Message}", e);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CryptographicException($"'{path}' has no private key; a TLS certificate needs one.");
        }

        return certificate;
    }

    /// <summary>Loads a PEM bundle of CA certificates (trust roots); throws <see cref="CryptographicException"/> when it holds none.</summary>
    public static X509Certificate2Collection LoadPemBundle(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        return roots.Count > 0 ? roots : throw new CryptographicException($"'{path}' holds no PEM certificate.");
    }

    private static X509Certificate2 LoadPem(string path, string? keyPath, string? password)
    {
        using var pem = string.IsNullOrEmpty(password)
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        // Re-imported through PKCS#12 so the key is usable by SslStream on every platform (PEM keys are ephemeral).
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private static bool IsPkcs12(string path)
    {
        if (Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12")
        {
            return true;
        }

        // PKCS#12 is DER: an ASN.1 SEQUENCE (0x30). PEM is text (possibly after OpenSSL's "Bag Attributes" lines).
        using var file = File.OpenRead(path);
        return file.ReadByte() == 0x30;
    }
}
