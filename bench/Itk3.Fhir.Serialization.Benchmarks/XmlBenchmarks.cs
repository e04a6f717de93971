using System.Buffers;
using System.Xml;
using BenchmarkDotNet.Attributes;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Serialization.Benchmarks;

/// <summary>FHIR XML parse and serialize beside a raw XmlReader scan of the same bytes (the baseline).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class XmlBenchmarks
{
    private static readonly XmlReaderSettings ScanSettings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true };
    private byte[] _xml = [];
    private ElementNode _tree = null!;
    private ArrayBufferWriter<byte> _output = null!;

    /// <summary>Builds the document and its tree once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _xml = BenchmarkDocuments.XmlBundle();
        _tree = FhirSerializer.Parse(_xml, FhirFormat.Xml).Root ?? throw new InvalidOperationException("The benchmark document does not parse.");
        _output = new ArrayBufferWriter<byte>(_xml.Length * 2);
        Console.WriteLine($"// document: {_xml.Length} bytes");
    }

    /// <summary>Reads every node with XmlReader and nothing else.</summary>
    [Benchmark(Baseline = true)]
    public int RawXmlReaderScan()
    {
        using var reader = XmlReader.Create(new MemoryStream(_xml), ScanSettings);
        var count = 0;
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    /// <summary>Reads every node and materialises every attribute value.</summary>
    [Benchmark]
    public long RawXmlReaderScanWithAttributeValues()
    {
        using var reader = XmlReader.Create(new MemoryStream(_xml), ScanSettings);
        var length = 0L;
        while (reader.Read())
        {
            while (reader.MoveToNextAttribute())
            {
                length += reader.Value.Length;
            }
        }

        return length;
    }

    /// <summary>Parses the document into an element tree (strict).</summary>
    [Benchmark]
    public ElementNode? ParseXml() => FhirSerializer.Parse(_xml, FhirFormat.Xml).Root;

    /// <summary>Serializes the tree as compact XML into a reused buffer.</summary>
    [Benchmark]
    public int SerializeXml()
    {
        _output.ResetWrittenCount();
        FhirSerializer.Serialize(_tree, FhirFormat.Xml, _output);
        return _output.WrittenCount;
    }
}
