using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Protocol;

/// <summary>An HTTP status plus a MESH error event, code and description (MESH.md §9).</summary>
internal sealed record MeshError(int Status, string Event, string Code, string Message)
{
    public static readonly MeshError MalformedHeaders = new(StatusCodes.Status400BadRequest, "TRANSFER", "06", "MalformedControlFile");
    public static readonly MeshError InvalidChecksum = new(StatusCodes.Status400BadRequest, "TRANSFER", "06", "Invalid checksum");
    public static readonly MeshError DataFileMissing = new(StatusCodes.Status417ExpectationFailed, "COLLECT", "02", "Data file is missing or inaccessible.");
    public static readonly MeshError InvalidFrom = new(StatusCodes.Status417ExpectationFailed, "SEND", "07", "Invalid From Address");
    public static readonly MeshError InvalidMessageType = new(StatusCodes.Status417ExpectationFailed, "SEND", "11", "Invalid Message Type for the transfer");
    public static readonly MeshError UnregisteredTo = new(StatusCodes.Status417ExpectationFailed, "SEND", "12", "Unregistered to address");
    public static readonly MeshError WorkflowNotRegistered = new(StatusCodes.Status417ExpectationFailed, "SEND", "17", "Workflow ID not registered for mailbox");
    public static readonly MeshError InvalidChunks = new(StatusCodes.Status417ExpectationFailed, "SEND", "InvalidHeaderChunks", "Invalid chunk values sent in mex-Chunk-Range header");
    public static readonly MeshError ChunkOutOfRange = new(StatusCodes.Status406NotAcceptable, "SEND", "InvalidHeaderChunks", "Chunk number is greater than the total number of chunks");
    public static readonly MeshError EncodingChanged = new(StatusCodes.Status417ExpectationFailed, "", "", "cannot change content encoding");
    public static readonly MeshError AlreadyComplete = new(StatusCodes.Status423Locked, "SEND", "", "Message upload is already complete");
    public static readonly MeshError UnsupportedEncoding = new(StatusCodes.Status422UnprocessableEntity, "SEND", "UnsupportedContentEncoding", "Unsupported content encoding");
    public static readonly MeshError InvalidGzip = new(StatusCodes.Status400BadRequest, "SEND", "UnsupportedContentEncoding", "Body is not valid gzip");
    public static readonly MeshError TooLarge = new(StatusCodes.Status413PayloadTooLarge, "SEND", "", "Message or chunk exceeds the size limit");
    public static readonly MeshError MessageDoesNotExist = new(StatusCodes.Status404NotFound, "RECEIVE", "20", "Message does not exist");
    public static readonly MeshError Gone = new(StatusCodes.Status410Gone, "RECEIVE", "", "Message is no longer available");
    public static readonly MeshError NotFound = new(StatusCodes.Status404NotFound, "", "", "Not Found");
    public static readonly MeshError Forbidden = new(StatusCodes.Status403Forbidden, "", "", "Forbidden");
    public static readonly MeshError AuthHeaderUnreadable = new(StatusCodes.Status403Forbidden, "", "", "Error reading from Authorization header");
    public static readonly MeshError MailboxMismatch = new(StatusCodes.Status403Forbidden, "", "", "Mailbox id does not match token");
    public static readonly MeshError NoMailboxMatched = new(StatusCodes.Status403Forbidden, "SEND", "EPL-151", "No mailbox matched");
    public static readonly MeshError MailboxDisabled = new(StatusCodes.Status403Forbidden, "", "", "Mailbox is disabled");
    public static readonly MeshError InvalidToken = new(StatusCodes.Status403Forbidden, "", "", "Invalid Authentication Token");
    public static readonly MeshError TokenExpired = new(StatusCodes.Status403Forbidden, "", "", "Authentication token timestamp is outside the allowed window");
    public static readonly MeshError TokenReused = new(StatusCodes.Status403Forbidden, "", "", "Authentication token has already been used");
}
