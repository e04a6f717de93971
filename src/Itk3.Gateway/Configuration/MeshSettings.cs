using Itk3.Mesh.Models;

namespace Itk3.Gateway.Configuration;

/// <summary>How the node reaches MESH.</summary>
public sealed record MeshSettings
{
    /// <summary>The word that runs our MESH server in-process instead of connecting to a URL.</summary>
    public const string Embedded = "embedded";

    /// <summary>The MESH base URL, or <c>embedded</c> (the default) to run our MESH server in-process.</summary>
    public string Url { get; init; } = Embedded;

    /// <summary>The mailbox password.</summary>
    public string Password { get; init; } = "password";

    /// <summary>The MESH environment's shared key.</summary>
    public string SharedKey { get; init; } = "TestKey";

    /// <summary>How long to wait between inbox polls when the last page was not full.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many message ids one inbox poll asks for (10 to 5000).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Where the embedded MESH server listens (port 0 picks a free port).</summary>
    public string EmbeddedListenUrl { get; init; } = "http://127.0.0.1:0";

    /// <summary>Per-recipient and per-workflow send settings (compress, chunk, chunkSize); the most specific match applies.</summary>
    public IReadOnlyList<MeshSendProfile> SendProfiles { get; init; } = [];

    /// <summary>Whether this is an embedded MESH.</summary>
    public bool IsEmbedded => string.Equals(Url, Embedded, StringComparison.OrdinalIgnoreCase);
}
