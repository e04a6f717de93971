using System.Net.Http;
using System.Net.Http.Headers;

namespace Itk3.Gateway.Delivery;

/// <summary>POSTs each payload to the application's URL with <c>Idempotency-Key</c>, <c>X-Mesh-Message-Id</c> and <c>X-Itk3-Flow</c> headers; any non-2xx answer is a failure.</summary>
/// <param name="http">The HTTP client.</param>
/// <param name="url">The callback URL.</param>
public sealed class CallbackDeliveryTarget(HttpClient http, Uri url) : IDeliveryTarget
{
    /// <inheritdoc />
    public async Task DeliverAsync(DeliveryItem item, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ReadOnlyMemoryContent(item.Content);
        var xml = item.Content.Length > 0 && item.Content.Span[0] == (byte)'<';
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(xml ? "application/fhir+xml" : "application/fhir+json");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", item.IdempotencyKey);
        request.Headers.TryAddWithoutValidation("X-Mesh-Message-Id", item.InboundMeshMessageId ?? string.Empty);
        request.Headers.TryAddWithoutValidation("X-Itk3-Flow", item.Flow ?? string.Empty);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"callback answered {(int)response.StatusCode}", null, response.StatusCode);
        }
    }
}
