using System.Net;

namespace Itk3.Mesh.Contract.Tests.Support;

/// <summary>
/// Sits between the client and the real socket handler and breaks chosen requests: answers 503 without forwarding,
/// or forwards and then loses the response (the server acted, the client never hears).
/// </summary>
public sealed class FaultInjectingHandler(Func<HttpRequestMessage, int, InjectedFault> plan) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _count;

    public List<string> Seen { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Seen)
        {
            Seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
        }

        switch (plan(request, Interlocked.Increment(ref _count)))
        {
            case InjectedFault.ServiceUnavailable:
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
            case InjectedFault.LoseResponse:
                using (await base.SendAsync(request, cancellationToken))
                {
                    throw new HttpRequestException("connection reset after the request was sent");
                }

            default:
                return await base.SendAsync(request, cancellationToken);
        }
    }
}
