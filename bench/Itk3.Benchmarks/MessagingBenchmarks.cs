using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Responses;
using Itk3.Messaging.Validation;
using Itk3.Testing;

namespace Itk3.Benchmarks;

/// <summary>
/// The receiver's whole job for one ITK3 message carrying the 40 KB discharge document: parse, validate, plan the
/// responses and build and serialize them (20013 and a 30001 business response), beside parse-only of the same bytes
/// (the baseline of each format). Ratio = full receive / parse only.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MessagingBenchmarks
{
    private static readonly DateTimeOffset Instant = new(2026, 11, 9, 14, 10, 0, TimeSpan.Zero);
    private readonly ArrayBufferWriter<byte> _output = new(1 << 16);
    private byte[] _xml = [];
    private byte[] _json = [];
    private MessageValidator _validator = null!;
    private ResponsePlanner _planner = null!;
    private ResponseFactory _factory = null!;
    private ResponseCode _business = null!;
    private ElementNode _xmlTree = null!;
    private ValidationResult _accepted = null!;

    [GlobalSetup]
    public void Setup()
    {
        var document = FhirSerializer.Parse(File.ReadAllBytes(RepositoryPaths.Fixture("discharge-summary-document.xml")), FhirFormat.Xml).Root!;
        var clock = new Itk3.Testing.ManualTimeProvider(Instant);
        var draft = new MessageDraft
        {
            Event = MessageEvents.EDischarge,
            Handling = new HandlingSpecification { InfAckRequested = true, BusAckRequested = true, MessageDefinition = "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-eDischarge-MessageDefinition-4" },
            Sender = Participant.Organization("RX1"),
            SourceEndpoint = "RX1OT001",
            Payload = ItkPayload.Document(document),
        };
        var bundle = new ItkMessageBuilder(clock, new SequentialIdGenerator()).Build(draft).Bundle;
        _xml = FhirSerializer.SerializeToBytes(bundle, FhirFormat.Xml, WriteOptions.Pretty);
        _json = FhirSerializer.SerializeToBytes(bundle, FhirFormat.Json, WriteOptions.Pretty);
        var profile = new ReceiverProfile { MessageDefinitions = [draft.Handling.MessageDefinition], Events = ["ITK003D"] };
        _validator = new MessageValidator(profile);
        _planner = new ResponsePlanner(profile.Responses);
        _factory = new ResponseFactory(clock, new SequentialIdGenerator(1000), new Responder(Participant.Organization("A81001"), "GPBOX01"));
        _business = ResponseCodes.Get("30001");
        _xmlTree = FhirSerializer.Parse(_xml, FhirFormat.Xml).Root!;
        _accepted = _validator.Validate(_xml);
        if (!_validator.Validate(_xml).IsAccepted || !_validator.Validate(_json).IsAccepted)
        {
            throw new InvalidOperationException("The benchmark message must be accepted.");
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("xml")]
    public ElementNode? XmlParseOnly() => FhirSerializer.Parse(_xml, FhirFormat.Xml, Messaging.Reading.ItkMessageReader.TolerantOptions).Root;

    [Benchmark, BenchmarkCategory("xml")]
    public int XmlReceive() => Receive(_xml, FhirFormat.Xml);

    /// <summary>Validation alone, on an already parsed tree (no parse).</summary>
    [Benchmark, BenchmarkCategory("xml")]
    public bool XmlValidateTreeOnly() => _validator.Validate(_xmlTree).IsAccepted;

    /// <summary>Planning, building and serializing the two responses alone.</summary>
    [Benchmark, BenchmarkCategory("xml")]
    public int XmlRespondOnly() => Respond(_accepted, FhirFormat.Xml);

    [Benchmark(Baseline = true), BenchmarkCategory("json")]
    public ElementNode? JsonParseOnly() => FhirSerializer.Parse(_json, FhirFormat.Json, Messaging.Reading.ItkMessageReader.TolerantOptions).Root;

    [Benchmark, BenchmarkCategory("json")]
    public int JsonReceive() => Receive(_json, FhirFormat.Json);

    private int Receive(byte[] content, FhirFormat format) => Respond(_validator.Validate(content, format), format);

    private int Respond(ValidationResult validation, FhirFormat format)
    {
        var plan = _planner.Plan(validation, _business);
        var written = 0;
        foreach (var planned in plan.Responses)
        {
            _output.ResetWrittenCount();
            var response = _factory.CreateFor(validation.Message, planned.Code.Code, null, planned.InfAckRequested);
            FhirSerializer.Serialize(response.Bundle, format, _output);
            written += _output.WrittenCount;
        }

        return written;
    }

}
