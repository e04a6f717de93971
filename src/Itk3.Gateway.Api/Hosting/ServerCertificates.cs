using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Itk3.Gateway.Api.Hosting;

/// <summary>Loads the API's server certificate: a PEM certificate with its PEM key (or both in one file), or a PKCS#12 (.pfx/.p12) file.</summary>
public static class ServerCertificates
{
    /// <summary>
    /// Loads the certificate with its private key; a file that starts with <c>-----BEGIN</c> is PEM (key from
    /// <paramref name="keyPath"/>, else from the same file), anything else PKCS#12 opened with <paramref name="password"/>.
    /// Throws <see cref="CryptographicException"/> or <see cref="IOException"/> when it cannot.
    /// </summary>
    public static X509Certificate2 Load(string path, string? keyPath, string? password)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        X509Certificate2 certificate;
        if (IsPem(path))
        {
            // Re-imported through PKCS#12 so the key is usable by TLS on every platform (PEM keys are ephemeral).
            using var pem = string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
            certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        else
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CryptographicException($"'{path}' has no private key; a server certificate needs one.");
        }

        return certificate;
    }

    private static bool IsPem(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> start = stackalloc byte[10];
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return start[..read].SequenceEqual("-----BEGIN"u8);
    }
}
