namespace Itk3.Mesh.Http;

/// <summary>Header names and constant values of the MESH API (MESH.md §3, §6), spelled as the spec names them.</summary>
public static class MeshHeaders
{
    /// <summary>The single Accept value every request sends (API v2).</summary>
    public const string AcceptV2 = "application/vnd.mesh.v2+json";

    /// <summary>The Accept value of API v1 requests (what older clients send; real MESH answers it with v1 shapes).</summary>
    public const string AcceptV1 = "application/json";

    /// <summary>Recipient mailbox (or GPPROVIDER address).</summary>
    public const string To = "mex-To";

    /// <summary>Sender mailbox.</summary>
    public const string From = "mex-From";

    /// <summary>Workflow ID.</summary>
    public const string WorkflowId = "mex-WorkflowID";

    /// <summary>Chunk position and total as <c>n:N</c>.</summary>
    public const string ChunkRange = "mex-Chunk-Range";

    /// <summary>Total number of chunks (on download).</summary>
    public const string TotalChunks = "mex-Total-Chunks";

    /// <summary>Free-text subject.</summary>
    public const string Subject = "mex-Subject";

    /// <summary>Sender's own reference (never personal data).</summary>
    public const string LocalId = "mex-LocalID";

    /// <summary>Original file name.</summary>
    public const string FileName = "mex-FileName";

    /// <summary>Partner ID, passed through.</summary>
    public const string PartnerId = "mex-PartnerID";

    /// <summary>Sender's checksum of the content.</summary>
    public const string ContentChecksum = "mex-Content-Checksum";

    /// <summary>Real media type of the whole message.</summary>
    public const string ContentType = "mex-Content-Type";

    /// <summary>Y/N: the payload itself was compressed by the sender.</summary>
    public const string ContentCompressed = "mex-Content-Compressed";

    /// <summary>Y/N: the payload was encrypted by the sender.</summary>
    public const string ContentEncrypted = "mex-Content-Encrypted";

    /// <summary>Message ID (download and HEAD).</summary>
    public const string MessageId = "mex-MessageID";

    /// <summary>DATA or REPORT.</summary>
    public const string MessageType = "mex-MessageType";

    /// <summary>REPORT only: the message the report is about.</summary>
    public const string LinkedMessageId = "mex-LinkedMsgID";

    /// <summary>Status code (00 for a DATA message, the error code on a REPORT).</summary>
    public const string StatusCode = "mex-StatusCode";

    /// <summary>Status event (e.g. TRANSFER).</summary>
    public const string StatusEvent = "mex-StatusEvent";

    /// <summary>Status description.</summary>
    public const string StatusDescription = "mex-StatusDescription";

    /// <summary>SUCCESS or ERROR.</summary>
    public const string StatusSuccess = "mex-StatusSuccess";

    /// <summary>Status time as yyyyMMddHHmmss.</summary>
    public const string StatusTimestamp = "mex-StatusTimestamp";

    /// <summary>Address type (always ALL).</summary>
    public const string AddressType = "mex-AddressType";

    /// <summary>Control-file version (always 1.0).</summary>
    public const string Version = "mex-Version";

    /// <summary>Handshake: the client's name and version.</summary>
    public const string ClientVersion = "mex-ClientVersion";

    /// <summary>Handshake: operating system name.</summary>
    public const string OsName = "mex-OSName";

    /// <summary>Handshake: operating system version.</summary>
    public const string OsVersion = "mex-OSVersion";

    /// <summary>Handshake: processor architecture.</summary>
    public const string OsArchitecture = "mex-OSArchitecture";

    /// <summary>Handshake: Java version (N/A for .NET).</summary>
    public const string JavaVersion = "mex-JavaVersion";

    /// <summary>The prefix shared by every MESH header.</summary>
    public const string Prefix = "mex-";
}
