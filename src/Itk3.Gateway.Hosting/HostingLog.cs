using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Hosting;

/// <summary>Log events of the node's host (ids listed in docs/operations.md).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1060, Level = LogLevel.Information, Message = "MESH client certificate {Subject} (thumbprint {Thumbprint}) valid until {NotAfter:u}")]
    public static partial void CertificateLoaded(ILogger logger, string subject, string thumbprint, DateTimeOffset notAfter);

    [LoggerMessage(EventId = 1061, Level = LogLevel.Warning, Message = "MESH client certificate {Subject} expires in {DaysLeft:0} days ({NotAfter:u}): renew it")]
    public static partial void CertificateExpiring(ILogger logger, string subject, double daysLeft, DateTimeOffset notAfter);

    [LoggerMessage(EventId = 1062, Level = LogLevel.Error, Message = "MESH client certificate {Subject} is not valid now (valid {NotBefore:u} to {NotAfter:u}): MESH will refuse the connection")]
    public static partial void CertificateInvalid(ILogger logger, string subject, DateTimeOffset notBefore, DateTimeOffset notAfter);

    [LoggerMessage(EventId = 1070, Level = LogLevel.Information, Message = "Gateway node {Mailbox} (ODS {OdsCode}) started on MESH {MeshUrl}; store {DatabasePath}")]
    public static partial void NodeStarted(ILogger logger, string mailbox, string odsCode, Uri meshUrl, string databasePath);

    [LoggerMessage(EventId = 1071, Level = LogLevel.Information, Message = "Gateway node {Mailbox} stopping")]
    public static partial void NodeStopping(ILogger logger, string mailbox);

    [LoggerMessage(EventId = 1072, Level = LogLevel.Critical, Message = "Gateway node {Mailbox} stopped: a loop ended with {ErrorType}; the host shuts down")]
    public static partial void NodeCrashed(ILogger logger, string mailbox, string errorType);
}
