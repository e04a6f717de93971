using Itk3.Gateway.Hosting;
using Itk3.Gateway.Tests.Support;
using Itk3.Mesh.Server;

namespace Itk3.Gateway.Api.Tests.Support;

/// <summary>A hospital node and a GP node (pull delivery) on one embedded MESH server, each with its API; a fresh set per fixture.</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public const string Flow = "TOC_FHIR_IP_DISCH";
    public const string GpMailbox = "X26GP001";
    public const string GpOds = "A12345";
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private MeshServer? _mesh;
    private int _documents;

    internal ApiNode Hospital { get; private set; } = null!;

    internal ApiNode Gp { get; private set; } = null!;

    internal Uri MeshUrl => _mesh!.BaseAddress;

    public async Task InitializeAsync()
    {
        _mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), (GpMailbox, GpOds)], _temp.Sub("mesh"));
        Hospital = await ApiNode.StartAsync("X26HOS01", "RXX01", _temp.Sub("h"), _mesh.BaseAddress, 1);
        Gp = await ApiNode.StartAsync(GpMailbox, GpOds, _temp.Sub("g"), _mesh.BaseAddress, 2);
    }

    /// <summary>A new synthetic discharge summary (a fresh document id each time: a repeated one is answered 20008).</summary>
    public byte[] NextDocument() =>
        SampleDocuments.DischargeSummary($"7d1e0b7c-53a4-4f0e-9a55-{Interlocked.Increment(ref _documents):D12}", Date);

    public async Task DisposeAsync()
    {
        await Hospital.DisposeAsync();
        await Gp.DisposeAsync();
        if (_mesh is not null)
        {
            await _mesh.DisposeAsync();
        }

        _temp.Dispose();
    }
}
