using Itk3.Fhir.Serialization;
using Itk3.Gateway.Api.Contracts;
using Itk3.Gateway.Api.Problems;
using Microsoft.AspNetCore.Http;

namespace Itk3.Gateway.Api.Endpoints;

/// <summary>Decodes a submitted payload and checks its format before the node parses it strictly.</summary>
internal static class PayloadReader
{
    /// <summary>The decoded payload bytes of a JSON submission, or the problem to answer with.</summary>
    public static (byte[]? Bytes, IResult? Problem) Decode(string? base64, string? format)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return (null, ApiProblems.BadRequest("payload: is required (base64 FHIR JSON or XML)"));
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return (null, ApiProblems.BadRequest("payload: is not valid base64"));
        }

        return (bytes, Check(bytes, format));
    }

    /// <summary>The request body in one array of its Content-Length (no growing copies), or as it comes when the length is not given; null when it ends early.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength is not { } length)
        {
            using var body = new MemoryStream();
            await http.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
            return body.ToArray();
        }

        var bytes = new byte[length];
        try
        {
            await http.Body.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            return bytes;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>Null when the bytes are non-empty JSON or XML in a known <paramref name="format"/> (detected when null); else the problem.</summary>
    public static IResult? Check(byte[] bytes, string? format)
    {
        if (format is not (null or "json" or "xml"))
        {
            return ApiProblems.BadRequest("format: expected \"json\" or \"xml\"");
        }

        if (bytes.Length == 0)
        {
            return ApiProblems.BadRequest("payload: is empty");
        }

        // The node parses the payload strictly (one parse): errors come back as payload-unreadable or payload-invalid with every issue.
        return format is null && FhirSerializer.DetectFormat(bytes) is null
            ? Unreadable("payload: is neither FHIR JSON nor FHIR XML", [])
            : null;
    }

    /// <summary>The format named by a request's media type (<c>json</c> or <c>xml</c>), or null when it names neither.</summary>
    public static string? FormatOf(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        "application/fhir+json" or "application/json" => "json",
        "application/fhir+xml" or "application/xml" or "text/xml" => "xml",
        _ => null,
    };

    /// <summary>422 payload-invalid: readable FHIR with errors, every issue located (path, line, column, code).</summary>
    public static IResult Invalid(string detail, IReadOnlyList<PayloadIssue> issues) =>
        ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, ApiProblemCodes.PayloadInvalid, detail, issues);

    /// <summary>400 payload-unreadable with the located issues.</summary>
    public static IResult Unreadable(string detail, IReadOnlyList<PayloadIssue> issues) =>
        ApiProblems.Of(StatusCodes.Status400BadRequest, ApiProblemCodes.PayloadUnreadable, detail, issues);

    /// <summary>The media type of FHIR bytes (JSON or XML), detected from the content.</summary>
    public static string MediaTypeOf(ReadOnlySpan<byte> content) => FhirSerializer.DetectFormat(content) switch
    {
        FhirFormat.Xml => "application/fhir+xml",
        FhirFormat.Json => "application/fhir+json",
        _ => "application/octet-stream",
    };
}
