using System.Net;
using System.Text;

namespace Itk3.Mesh.Tests.Fakes;

/// <summary>
/// A fake transport: records each request (headers and body as they would go on the wire) and answers with the next
/// queued responder, or with the fallback responder when the queue is empty.
/// </summary>
public sealed class FakeMeshHandler : HttpMessageHandler
{
    private readonly Queue<Func<RecordedRequest, HttpResponseMessage>> _responders = new();
    private readonly List<RecordedRequest> _requests = [];

    public Func<RecordedRequest, HttpResponseMessage>? Fallback { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests;

    public FakeMeshHandler Then(Func<RecordedRequest, HttpResponseMessage> responder)
    {
        _responders.Enqueue(responder);
        return this;
    }

    public FakeMeshHandler Then(HttpStatusCode status, string? json = null) => Then(_ => Json(status, json));

    public FakeMeshHandler ThenThrow(Exception exception) => Then(_ => throw exception);

    public static HttpResponseMessage Json(HttpStatusCode status, string? json)
    {
        var response = new HttpResponseMessage(status);
        if (json is not null)
        {
            response.Content = new StringContent(json, Encoding.UTF8, "application/vnd.mesh.v2+json");
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray())).ToList();
        var body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            // Reading ContentLength computes it into the headers, as the socket handler does before sending.
            _ = request.Content.Headers.ContentLength;
            headers.AddRange(request.Content.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray())));
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri!.PathAndQuery, headers, body);
        _requests.Add(recorded);
        var responder = _responders.Count > 0 ? _responders.Dequeue() : Fallback
            ?? throw new InvalidOperationException($"No response queued for {request.Method} {recorded.PathAndQuery}");
        var response = responder(recorded);
        response.RequestMessage = request;
        return response;
    }
}
