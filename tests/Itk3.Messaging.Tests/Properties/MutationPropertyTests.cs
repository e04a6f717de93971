using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Responses;
using Itk3.Messaging.Validation;
using static Itk3.Messaging.Tests.Support.Fixtures;

namespace Itk3.Messaging.Tests.Properties;

/// <summary>Seeded property tests: built messages are accepted; mutated ones never crash and get a defined code.</summary>
public sealed class MutationPropertyTests
{
    private const int Seed = 20260102;
    private static readonly MessageValidator Validator = new(ReceiverProfile.Permissive);
    private static readonly ResponsePlanner Planner = new(new ResponsePolicy());
    private static readonly byte[] Noise = " <>{}\"/:=a0\n"u8.ToArray();

    [Fact]
    public void Every_generated_message_is_accepted_with_20013_in_both_formats()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 60; i++)
        {
            var bundle = new ItkMessageBuilder(Clock(), new SequentialIdGenerator(i * 100 + 1)).Build(RandomDraft(random)).Bundle;
            foreach (var format in new[] { FhirFormat.Xml, FhirFormat.Json })
            {
                var result = Validator.Validate(FhirSerializer.SerializeToBytes(bundle, format));
                Assert.True(result.IsAccepted, $"seed {Seed}, case {i}, {format}: {string.Join("; ", result.Findings)}");
            }
        }
    }

    [Fact]
    public void Every_tree_mutation_is_accepted_or_answered_with_a_defined_code()
    {
        var random = new Random(Seed);
        var original = Builder().Build(Draft()).Bundle;
        for (var i = 0; i < 400; i++)
        {
            var mutated = Mutate(original, random, 1 + random.Next(3));
            AssertDefined(() => Validator.Validate(mutated), $"tree case {i}");
        }
    }

    [Fact]
    public void Every_byte_mutation_is_accepted_or_answered_with_a_defined_code()
    {
        var random = new Random(Seed);
        var bundle = Builder().Build(Draft()).Bundle;
        foreach (var format in new[] { FhirFormat.Xml, FhirFormat.Json })
        {
            var bytes = FhirSerializer.SerializeToBytes(bundle, format);
            for (var i = 0; i < 300; i++)
            {
                var copy = (byte[])bytes.Clone();
                var length = random.Next(4) == 0 ? random.Next(copy.Length) : copy.Length;
                for (var k = 0; k < 1 + random.Next(4); k++)
                {
                    copy[random.Next(copy.Length)] = Noise[random.Next(Noise.Length)];
                }

                AssertDefined(() => Validator.Validate(copy.AsMemory(0, length)), $"{format} byte case {i}");
            }
        }
    }

    private static void AssertDefined(Func<ValidationResult> validate, string label)
    {
        ValidationResult result;
        try
        {
            result = validate();
            Planner.Plan(result);
        }
        catch (Exception e)
        {
            Assert.Fail($"seed {Seed}, {label}: {e}");
            return;
        }

        Assert.True(ResponseCodes.TryGet(result.Outcome.Code, out var code) && !code.IsWithdrawn && code.Level == ResponseLevel.Infrastructure, $"seed {Seed}, {label}");
    }

    private static MessageDraft RandomDraft(Random random)
    {
        var events = MessageEvents.All.Where(e => e != MessageEvents.Response).ToList();
        Participant RandomParticipant() => random.Next(2) == 0 ? Participant.Organization("ODS" + random.Next(999)) : Participant.Practitioner("G" + random.Next(9999999));
        var payload = random.Next(3) switch
        {
            0 => ItkPayload.Document(DocumentBundle("doc-" + random.Next(1000))),
            1 => ItkPayload.Bundle(R("Bundle", P("type", "collection"), N("entry", R("Patient", P("id", "p")).WithName("resource")))),
            _ => ItkPayload.FromResources(R("Patient", P("active", "true")), R("Observation", P("status", "final"))),
        };
        return new MessageDraft
        {
            Event = events[random.Next(events.Count)],
            Handling = Handling(random.Next(2) == 0, random.Next(2) == 0) with
            {
                RecipientType = RecipientTypes.All[random.Next(2)],
                SenderReference = random.Next(2) == 0 ? "None" : new string('r', 1 + random.Next(255)),
                LocalExtensionValue = random.Next(2) == 0 ? null : P("valueInteger", random.Next(100).ToString()),
            },
            Sender = RandomParticipant(),
            Receiver = random.Next(2) == 0 ? null : RandomParticipant(),
            SourceEndpoint = "BOX" + random.Next(1000),
            Payload = payload,
        };
    }

    private static ElementNode Mutate(ElementNode node, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            node = MutateOnce(node, random);
        }

        return node;
    }

    private static ElementNode MutateOnce(ElementNode node, Random random)
    {
        if (node.Children.Count == 0 || random.Next(4) == 0)
        {
            return random.Next(3) switch
            {
                0 => new ElementNode(node.Name, "x" + random.Next(), node.Children, node.ResourceType, node.Position),
                1 => new ElementNode(node.Name, null, node.Children, node.ResourceType, node.Position),
                _ => new ElementNode(node.Name, node.Value, [.. node.Children, new ElementNode("extension", null, [new ElementNode("url", "u")])], node.ResourceType),
            };
        }

        var children = node.Children.ToList();
        var index = random.Next(children.Count);
        switch (random.Next(4))
        {
            case 0:
                children.RemoveAt(index);
                break;
            case 1:
                children.Insert(index, children[index]);
                break;
            case 2:
                (children[index], children[^1]) = (children[^1], children[index]);
                break;
            default:
                children[index] = MutateOnce(children[index], random);
                break;
        }

        return new ElementNode(node.Name, node.Value, children, node.ResourceType, node.Position);
    }
}
