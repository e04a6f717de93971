namespace Itk3.Mesh.Tests.Fakes;

/// <summary>What the fake server saw: method, path and query, every header line as sent, and the body bytes.</summary>
public sealed record RecordedRequest(
    HttpMethod Method,
    string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string[]>> Headers,
    byte[] Body)
{
    public string[] Values(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).SelectMany(h => h.Value).ToArray();

    public string? Single(string name) => Values(name) is [var one] ? one : null;

    public IEnumerable<string> HeaderNames => Headers.Select(h => h.Key);
}
