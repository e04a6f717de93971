namespace Itk3.Mesh.Errors;

/// <summary>Codes this client puts in <see cref="MeshApiException.ErrorCode"/> when the server's answer itself is unusable.</summary>
public static class MeshClientErrorCodes
{
    /// <summary>A success response whose body could not be read (not JSON, or a required field missing).</summary>
    public const string InvalidResponse = "CLIENT-INVALID-RESPONSE";

    /// <summary>A download whose chunks did not arrive in the announced order.</summary>
    public const string ChunkSequence = "CLIENT-CHUNK-SEQUENCE";

    /// <summary>A message a send profile forbids chunking is larger than one request may be.</summary>
    public const string TooLargeUnchunked = "CLIENT-TOO-LARGE-UNCHUNKED";
}
