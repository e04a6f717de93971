using System.Net;
using System.Net.Http.Headers;

namespace Itk3.Mesh.Tests.Fakes;

/// <summary>Download responses shaped like the sandbox's (lower-case mex-* names, as in the transcript).</summary>
public static class Responses
{
    public static HttpResponseMessage Chunk(string id, int n, int total, byte[] body, bool gzip = false, string type = "application/octet-stream")
    {
        var response = new HttpResponseMessage(n < total ? HttpStatusCode.PartialContent : HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(gzip ? Payloads.Gzip(body) : body),
        };
        response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        if (gzip)
        {
            response.Content.Headers.ContentEncoding.Add("gzip");
        }

        var headers = response.Headers;
        headers.TryAddWithoutValidation("mex-from", "X26ABC2");
        headers.TryAddWithoutValidation("mex-to", "X26ABC1");
        headers.TryAddWithoutValidation("mex-workflowid", "TEST_WORKFLOW");
        headers.TryAddWithoutValidation("mex-chunk-range", $"{n}:{total}");
        headers.TryAddWithoutValidation("mex-total-chunks", $"{total}");
        headers.TryAddWithoutValidation("mex-messagetype", "DATA");
        headers.TryAddWithoutValidation("mex-messageid", id);
        headers.TryAddWithoutValidation("mex-localid", "local-123");
        headers.TryAddWithoutValidation("mex-filename", "bundle.json");
        headers.TryAddWithoutValidation("mex-statuscode", "00");
        headers.TryAddWithoutValidation("mex-statussuccess", "SUCCESS");
        headers.TryAddWithoutValidation("mex-statustimestamp", "20261121052426");
        headers.TryAddWithoutValidation("mex-content-type", "application/fhir+json");
        headers.TryAddWithoutValidation("mex-addresstype", "ALL");
        return response;
    }

    public static HttpResponseMessage Report()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        foreach (var (name, value) in new[]
        {
            ("mex-to", "X26ABC1"), ("mex-workflowid", "TEST_WORKFLOW"), ("mex-chunk-range", "1:0"), ("mex-total-chunks", "0"),
            ("mex-localid", "local-123"), ("mex-subject", "itk3 test"), ("mex-messagetype", "REPORT"),
            ("mex-messageid", "99CC"), ("mex-linkedmsgid", "C308"), ("mex-statuscode", "14"), ("mex-statusevent", "TRANSFER"),
            ("mex-statusdescription", "Message not collected by recipient after 5 days"), ("mex-statussuccess", "ERROR"),
            ("mex-statustimestamp", "20261121052455"),
        })
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
