using Itk3.Fhir.Serialization;
using Itk3.Gateway.Api.Contracts;
using Itk3.Gateway.Api.Problems;
using Microsoft.AspNetCore.Http;

namespace Itk3.Gateway.Api.Endpoints;

/// <summary>Decodes and reads a submitted payload before the node sees it, so an unreadable one is refused with located FHIR issues.</summary>
internal static class PayloadReader
{
    /// <summary>The payload bytes, or the problem to answer with.</summary>
    public static (byte[]? Bytes, IResult? Problem) Read(string? base64, string? format)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return (null, ApiProblems.BadRequest("payload: is required (base64 FHIR JSON or XML)"));
        }

        if (format is not (null or "json" or "xml"))
        {
            return (null, ApiProblems.BadRequest("format: expected \"json\" or \"xml\""));
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

        var detected = format switch
        {
            "json" => FhirFormat.Json,
            "xml" => FhirFormat.Xml,
            _ => FhirSerializer.DetectFormat(bytes),
        };
        if (detected is null)
        {
            return (null, Unreadable("payload: is neither FHIR JSON nor FHIR XML", []));
        }

        var parsed = FhirSerializer.Parse(bytes, detected.Value, ParseOptions.Lenient);
        if (parsed.Root is not { IsResource: true })
        {
            return (null, Unreadable("payload: is not a readable FHIR resource", [.. parsed.Issues.Select(PayloadIssue.From)]));
        }

        return (bytes, null);
    }

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
