using System.Net.Http;
using System.Net.Http.Headers;

namespace Itk3.Gateway.Delivery;

/// <summary>
/// POSTs each payload to the application's URL with <c>Idempotency-Key</c>, <c>X-Mesh-Message-Id</c> and <c>X-Itk3-Flow</c>
/// headers, signed with <see cref="CallbackSignature"/> (<c>X-Itk3-Timestamp</c>, <c>X-Itk3-Signature</c>); any non-2xx
/// answer, or none within the client's timeout, is a failure. A payload streamed from the store is read twice, never held
/// whole: once for the signature, then as it is sent.
/// </summary>
/// <param name="http">The HTTP client (its <see cref="HttpClient.Timeout"/> bounds each attempt).</param>
/// <param name="url">The callback URL.</param>
/// <param name="secret">The application's signing secret.</param>
/// <param name="clock">The clock the signing time is read from.</param>
public sealed class CallbackDeliveryTarget(HttpClient http, Uri url, string secret, TimeProvider clock) : IDeliveryTarget
{
    /// <inheritdoc />
    public async Task DeliverAsync(DeliveryItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var xml = DeliveryContent.IsXml(item.Content);
        var signature = CallbackSignature.Sign(secret, timestamp, item.Content.Span);
        await PostAsync(item, new ReadOnlyMemoryContent(item.Content), xml, timestamp, signature, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeliverAsync(DeliveryItem item, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(content);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var xml = DeliveryContent.IsXml(content);
        var signature = await CallbackSignature.SignAsync(secret, timestamp, content, cancellationToken).ConfigureAwait(false);
        // The stream is seekable: StreamContent sends its remaining length as Content-Length.
        await PostAsync(item, new StreamContent(content, 64 * 1024), xml, timestamp, signature, cancellationToken).ConfigureAwait(false);
    }

    private async Task PostAsync(DeliveryItem item, HttpContent body, bool xml, long timestamp, string signature, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = body;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(xml ? "application/fhir+xml" : "application/fhir+json");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", item.IdempotencyKey);
        request.Headers.TryAddWithoutValidation("X-Mesh-Message-Id", item.InboundMeshMessageId ?? string.Empty);
        request.Headers.TryAddWithoutValidation("X-Itk3-Flow", item.Flow ?? string.Empty);
        request.Headers.TryAddWithoutValidation(CallbackSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(CallbackSignature.SignatureHeader, signature);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"callback answered {(int)response.StatusCode}", null, response.StatusCode);
        }
    }
}
