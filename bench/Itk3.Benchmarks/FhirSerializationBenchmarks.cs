using System.Buffers;
using System.Text.Json;
using System.Xml;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization;

namespace Itk3.Benchmarks;

/// <summary>
/// Parse and serialize, JSON and XML, each beside a raw Utf8JsonReader / XmlReader scan of the same bytes (the
/// baseline of its category). Ratio = our time / raw scan time, so parse throughput = 1 / Ratio of the raw scan's.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FhirSerializationBenchmarks
{
    private byte[] _xml = [];
    private byte[] _json = [];
    private ElementNode _tree = null!;
    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);

    /// <summary>The input: a 40 KB discharge summary, a 5 MB bundle with a base64 PDF, or profiles-types.json.</summary>
    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = "";

    public static IEnumerable<string> Inputs => BenchmarkInputs.Names;

    [GlobalSetup]
    public void Setup()
    {
        (_xml, _json) = BenchmarkInputs.Load(Input);
        _tree = FhirSerializer.Parse(_json, FhirFormat.Json).Root!;
    }

    /// <summary>Scans <paramref name="content"/> (XML or JSON) with the raw scans, without <see cref="Setup"/>.</summary>
    public void UseInput(byte[] content, bool xml)
    {
        if (xml)
        {
            _xml = content;
        }
        else
        {
            _json = content;
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("json")]
    public int JsonRawScan()
    {
        var reader = new Utf8JsonReader(_json);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>The floor of the tree's shape (see <see cref="JsonNodeFloor"/>), beside the parse.</summary>
    [Benchmark, BenchmarkCategory("json")]
    public ElementNode JsonScanBuildingNodes() => JsonNodeFloor.Build(_json);

    [Benchmark, BenchmarkCategory("json")]
    public ElementNode? JsonParse() => FhirSerializer.Parse(_json, FhirFormat.Json).Root;

    [Benchmark, BenchmarkCategory("json")]
    public int JsonSerialize()
    {
        _output.ResetWrittenCount();
        FhirSerializer.Serialize(_tree, FhirFormat.Json, _output);
        return _output.WrittenCount;
    }

    /// <summary>The floor of any JSON writer: the input's bytes copied into the output, beside the serialize.</summary>
    [Benchmark, BenchmarkCategory("json")]
    public int JsonCopyFloor()
    {
        _output.ResetWrittenCount();
        _output.Write(_json);
        return _output.WrittenCount;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("xml")]
    public int XmlRawScan()
    {
        using var reader = XmlReader.Create(new MemoryStream(_xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var nodes = 0;
        while (reader.Read())
        {
            nodes++;
            while (reader.MoveToNextAttribute())
            {
                nodes += reader.Value.Length;
            }
        }

        return nodes;
    }

    [Benchmark, BenchmarkCategory("xml")]
    public ElementNode? XmlParse() => FhirSerializer.Parse(_xml, FhirFormat.Xml).Root;

    [Benchmark, BenchmarkCategory("xml")]
    public int XmlSerialize()
    {
        _output.ResetWrittenCount();
        FhirSerializer.Serialize(_tree, FhirFormat.Xml, _output);
        return _output.WrittenCount;
    }
}
