using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Benchmarks;

/// <summary>
/// JSON parse and serialize beside a raw <see cref="Utf8JsonReader"/> scan of the same bytes (the baseline), on a
/// ~1 MB Bundle with and without XHTML narratives (each narrative is checked with an XmlReader).
/// </summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private byte[] _json = [];
    private ElementNode _tree = null!;
    private ArrayBufferWriter<byte> _output = null!;

    [Params(false, true)]
    public bool Narratives { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _json = BenchmarkDocument.Create(400, Narratives);
        _tree = FhirSerializer.Parse(_json, FhirFormat.Json).Root!;
        _output = new ArrayBufferWriter<byte>(_json.Length * 2);
    }

    [Benchmark(Baseline = true)]
    public int RawScan()
    {
        var reader = new Utf8JsonReader(_json);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark]
    public ElementNode? Parse() => FhirSerializer.Parse(_json, FhirFormat.Json).Root;

    [Benchmark]
    public int Serialize()
    {
        _output.ResetWrittenCount();
        FhirSerializer.Serialize(_tree, FhirFormat.Json, _output);
        return _output.WrittenCount;
    }
}
