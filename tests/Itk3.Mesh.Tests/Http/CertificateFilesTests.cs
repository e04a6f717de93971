using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Itk3.Mesh.Http;

namespace Itk3.Mesh.Tests.Http;

/// <summary>The one certificate loader (MESH client, API and MESH server certificates, trust roots), on real files.</summary>
public sealed class CertificateFilesTests : IDisposable
{
    private const string Password = "file-pass";
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-certs-").FullName;
    private readonly X509Certificate2 _issued = SelfSigned("CN=itk3 test");

    [Theory]
    [InlineData("pem-and-key")]
    [InlineData("pem-one-file")]
    [InlineData("pem-encrypted-key")]
    [InlineData("openssl-bag-attributes")]
    [InlineData("pfx")]
    [InlineData("pkcs12-any-extension")]
    public void Loads_the_certificate_with_a_usable_private_key_from_every_supported_form(string form)
    {
        var (path, keyPath, password) = Write(form);

        using var loaded = CertificateFiles.LoadWithPrivateKey(path, keyPath, password);

        Assert.Equal(_issued.Thumbprint, loaded.Thumbprint);
        using var key = loaded.GetRSAPrivateKey()!;
        byte[] data = [1, 2, 3];
        var signature = key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Assert.True(_issued.GetRSAPublicKey()!.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Theory]
    [InlineData("pfx")]
    [InlineData("pem-encrypted-key")]
    public void A_wrong_password_is_refused(string form)
    {
        var (path, keyPath, _) = Write(form);

        Assert.ThrowsAny<CryptographicException>(() => CertificateFiles.LoadWithPrivateKey(path, keyPath, "wrong"));
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused()
    {
        var path = File(".crt", _issued.ExportCertificatePem());

        var error = Assert.ThrowsAny<CryptographicException>(() => CertificateFiles.LoadWithPrivateKey(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_io_error_naming_it()
    {
        var path = Path.Combine(_folder, "absent.pem");

        var error = Assert.ThrowsAny<IOException>(() => CertificateFiles.LoadWithPrivateKey(path));

        Assert.Contains("absent.pem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pem_bundle_gives_every_certificate_and_an_empty_one_is_refused()
    {
        using var other = SelfSigned("CN=other root");
        var bundle = File(".pem", _issued.ExportCertificatePem() + "\n" + other.ExportCertificatePem());
        var empty = File("-empty.pem", "no certificate here\n");

        var roots = CertificateFiles.LoadPemBundle(bundle);

        Assert.Equal([_issued.Thumbprint, other.Thumbprint], roots.Select(c => c.Thumbprint));
        Assert.ThrowsAny<CryptographicException>(() => CertificateFiles.LoadPemBundle(empty));
    }

    public void Dispose()
    {
        _issued.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private (string Path, string? KeyPath, string? Password) Write(string form)
    {
        var certificate = _issued.ExportCertificatePem();
        using var rsa = _issued.GetRSAPrivateKey()!;
        var key = rsa.ExportPkcs8PrivateKeyPem();
        var encrypted = rsa.ExportEncryptedPkcs8PrivateKeyPem(Password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000));
        return form switch
        {
            "pem-and-key" => (File(".crt", certificate), File(".key", key), null),
            "pem-one-file" => (File(".pem", certificate + "\n" + key), null, null),
            "pem-encrypted-key" => (File(".crt", certificate), File("-encrypted.key", encrypted), Password),
            // What `openssl pkcs12 -nodes` writes: attribute lines before each PEM block.
            "openssl-bag-attributes" => (File(".pem", "Bag Attributes\n    localKeyID: 01 00 00 00\n" + certificate + "\nKey Attributes: <No Attributes>\n" + key), null, null),
            "pfx" => (File(".pfx", _issued.Export(X509ContentType.Pkcs12, Password)), null, Password),
            _ => (File(".bin", _issued.Export(X509ContentType.Pkcs12, Password)), null, Password),
        };
    }

    private string File(string suffix, string text) => File(suffix, System.Text.Encoding.ASCII.GetBytes(text));

    private string File(string suffix, byte[] bytes)
    {
        var path = Path.Combine(_folder, "cert" + suffix);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = RSA.Create(2048);
        return new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }
}
