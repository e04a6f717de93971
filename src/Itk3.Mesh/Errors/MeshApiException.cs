using System.Net;

namespace Itk3.Mesh.Errors;

/// <summary>
/// A MESH call that did not succeed: the HTTP status, and the MESH error code, event and description parsed from a v1
/// (<c>errorCode</c>) or v2 (<c>detail[0].code</c>) body (MESH.md §9). The code is empty when the server gave none.
/// </summary>
public sealed class MeshApiException : Exception
{
    /// <summary>Creates the error from a parsed response.</summary>
    public MeshApiException(HttpStatusCode statusCode, MeshError error)
        : base(Describe(statusCode, error))
    {
        StatusCode = statusCode;
        ErrorCode = error.Code;
        ErrorEvent = error.Event;
        ErrorDescription = error.Description;
        MessageId = error.MessageId;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The MESH error code (e.g. 12, 20, EPL-151, InvalidHeaderChunks), or empty.</summary>
    public string ErrorCode { get; }

    /// <summary>The MESH error event (e.g. SEND, RECEIVE, TRANSFER), or empty.</summary>
    public string ErrorEvent { get; }

    /// <summary>The server's description, or empty.</summary>
    public string ErrorDescription { get; }

    /// <summary>The message ID the error body named, if any.</summary>
    public string? MessageId { get; }

    /// <summary>True for statuses worth retrying later (425, 429, 502, 503, 504).</summary>
    public bool IsTransient => Retry.MeshRetryPolicy.IsTransientStatus(StatusCode);

    private static string Describe(HttpStatusCode status, MeshError error)
    {
        var code = error.Code.Length == 0 ? "no MESH code" : $"MESH code {error.Code}";
        var text = error.Description.Length == 0 ? string.Empty : $": {error.Description}";
        return $"MESH returned {(int)status} ({code}){text}";
    }
}
