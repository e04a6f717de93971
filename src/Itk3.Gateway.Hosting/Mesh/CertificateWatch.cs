using System.Security.Cryptography.X509Certificates;
using Itk3.Gateway.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Hosting.Mesh;

/// <summary>Reports the client certificate's validity at start and daily: recorded for health, logged when it expires within the warning period.</summary>
internal static class CertificateWatch
{
    /// <summary>Records the expiry and logs the certificate's state.</summary>
    public static void Check(X509Certificate2 certificate, NodeStatus status, TimeSpan warning, TimeProvider clock, ILogger logger)
    {
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        status.CertificateExpiresAt = notAfter;
        var now = clock.GetUtcNow();
        if (now < notBefore || now >= notAfter)
        {
            HostingLog.CertificateInvalid(logger, certificate.Subject, notBefore, notAfter);
        }
        else if (notAfter - now <= warning)
        {
            HostingLog.CertificateExpiring(logger, certificate.Subject, (notAfter - now).TotalDays, notAfter);
        }
        else
        {
            HostingLog.CertificateLoaded(logger, certificate.Subject, certificate.Thumbprint, notAfter);
        }
    }
}
