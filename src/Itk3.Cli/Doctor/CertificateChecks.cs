using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Itk3.Cli.Doctor;

/// <summary>Offline checks of the client certificate: validity dates, chain, and that the private key belongs to it.</summary>
internal static class CertificateChecks
{
    /// <summary>Checks <paramref name="certificate"/>; false when it cannot be used.</summary>
    public static bool Check(X509Certificate2 certificate, X509Certificate2Collection? roots, DateTimeOffset now, TimeSpan warning, DoctorReport report)
    {
        var usable = Dates(certificate, now, warning, report);
        Chain(certificate, roots, report);
        return Key(certificate, report) && usable;
    }

    private static bool Dates(X509Certificate2 certificate, DateTimeOffset now, TimeSpan warning, DoctorReport report)
    {
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        if (now >= notAfter)
        {
            report.Fail("D102", "certificate", $"{certificate.Subject} expired on {notAfter:u}: MESH refuses it; request a new certificate for this mailbox's environment");
            return false;
        }

        if (now < notBefore)
        {
            report.Fail("D103", "certificate", $"{certificate.Subject} is valid only from {notBefore:u}: check this machine's clock");
            return false;
        }

        var left = notAfter - now;
        if (left <= warning)
        {
            report.Warn("D104", "certificate", $"{certificate.Subject} expires in {left.TotalDays:0} days ({notAfter:u}): renew it now");
        }
        else
        {
            report.Ok("certificate", $"{certificate.Subject}, issued by {certificate.Issuer}, valid until {notAfter:u}");
        }

        return true;
    }

    private static void Chain(X509Certificate2 certificate, X509Certificate2Collection? roots, DoctorReport report)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (roots is { Count: > 0 })
        {
            // The client chain is often issued by the same NHS CA as the server's: try the configured bundle too.
            chain.ChainPolicy.ExtraStore.AddRange(roots);
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        }

        if (chain.Build(certificate))
        {
            report.Ok("chain", $"{chain.ChainElements.Count} certificate(s) up to {chain.ChainElements[^1].Certificate.Subject}");
            return;
        }

        var problems = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
        report.Warn("D105", "chain", $"the chain does not build locally ({problems}); MESH checks it against its own CA, so this only matters if the handshake below fails");
    }

    private static bool Key(X509Certificate2 certificate, DoctorReport report)
    {
        if (!certificate.HasPrivateKey)
        {
            report.Fail("D106", "key", "the certificate has no private key: give keyPath (PEM) or a PKCS#12 file that contains the key");
            return false;
        }

        // The key belongs to the certificate when its public half is the certificate's public key.
        using var rsa = certificate.GetRSAPrivateKey();
        using var ec = rsa is null ? certificate.GetECDsaPrivateKey() : null;
        var publicKey = certificate.PublicKey.ExportSubjectPublicKeyInfo();
        var matches = (rsa?.ExportSubjectPublicKeyInfo() ?? ec?.ExportSubjectPublicKeyInfo()) is { } fromKey && fromKey.AsSpan().SequenceEqual(publicKey);
        if (!matches)
        {
            report.Fail("D107", "key", "the private key does not belong to the certificate: check keyPath");
            return false;
        }

        report.Ok("key", "the private key matches the certificate");
        return true;
    }
}
