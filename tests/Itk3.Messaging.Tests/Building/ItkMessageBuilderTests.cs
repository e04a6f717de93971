using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;
using Itk3.Messaging.Tests.Support;

namespace Itk3.Messaging.Tests.Building;

public sealed class ItkMessageBuilderTests
{
    [Fact]
    public void Builds_a_message_bundle_with_the_header_first_and_all_six_handling_keys()
    {
        var built = Fixtures.Builder().Build(Fixtures.Draft());
        var message = new ItkMessage(built.Bundle);

        Assert.Equal("message", message.BundleType);
        Assert.Equal(ItkUrls.MessageBundle, built.Bundle.Select("meta.profile")!.Value);
        Assert.Equal(built.BundleIdentifier, message.IdentifierValue);
        Assert.True(message.HeaderIsFirst);
        Assert.Equal(built.MessageHeaderId, message.MessageId);
        Assert.Equal(ItkHandling.DefinedKeys, message.Header!.Handling!.Keys.Select(k => k.ChildValue("url")));
        Assert.Equal("ITK003D", message.Header.EventCode);
        Assert.Equal("SENDERBOX01", message.Header.SourceEndpoint);
        Assert.Equal("2026-01-02T03:04:05.678+00:00", message.Header.Timestamp);
    }

    [Fact]
    public void References_resolve_to_entries_through_urn_uuid_full_urls()
    {
        var built = Fixtures.Builder().Build(Fixtures.Draft(receiver: Participant.Practitioner("G1234567")));
        var message = new ItkMessage(built.Bundle);

        Assert.All(message.Entries, e => Assert.StartsWith("urn:uuid:", e.FullUrl));
        Assert.Equal("Organization", message.Sender!.ResourceType);
        Assert.Equal("Practitioner", message.Receiver!.ResourceType);
        Assert.Equal("document", message.Payload!.Resource!.ChildValue("type"));
        Assert.Equal("doc-1", message.Payload.Resource!.ChildValue("id"));
        Assert.True(Guid.TryParse(message.Payload.FullUrl!["urn:uuid:".Length..], out _));
    }

    [Fact]
    public void Same_clock_and_ids_give_identical_trees_and_other_ids_do_not()
    {
        var first = Fixtures.Builder().Build(Fixtures.Draft()).Bundle;
        var second = Fixtures.Builder().Build(Fixtures.Draft()).Bundle;
        var other = Fixtures.Builder(seed: 50).Build(Fixtures.Draft()).Bundle;

        Assert.True(ElementTreeComparer.AreEqual(first, second));
        Assert.False(ElementTreeComparer.AreEqual(first, other));
    }

    [Fact]
    public void Payload_resources_without_ids_get_one_and_focus_points_at_the_first()
    {
        var draft = Fixtures.Draft() with
        {
            Payload = ItkPayload.FromResources(Fixtures.R("Patient", Fixtures.P("active", "true")), Fixtures.R("Observation", Fixtures.P("id", "obs-1"))),
        };
        var message = new ItkMessage(Fixtures.Builder().Build(draft).Bundle);

        Assert.Equal("Patient", message.Payload!.ResourceType);
        Assert.NotNull(message.Payload.Resource!.ChildValue("id"));
        Assert.Equal("obs-1", message.Entries[^1].Resource!.ChildValue("id"));
        Assert.All(message.Entries, e => Assert.True(Guid.TryParse(e.FullUrl!["urn:uuid:".Length..], out _)));
    }

    [Fact]
    public void Payload_with_a_uuid_id_keeps_it_in_its_full_url()
    {
        const string id = "5a1c7f39-0d2e-4b8a-9c1f-2b3d4e5f6a7b";
        var message = new ItkMessage(Fixtures.Builder().Build(Fixtures.Draft() with { Payload = ItkPayload.Document(Fixtures.DocumentBundle(id)) }).Bundle);
        Assert.Equal("urn:uuid:" + id, message.Payload!.FullUrl);
    }

    [Fact]
    public void Local_extension_of_any_type_is_written_as_given()
    {
        var draft = Fixtures.Draft() with { Handling = Fixtures.Handling() with { LocalExtensionValue = Fixtures.N("valueCoding", Fixtures.P("code", "X")) } };
        var handling = new ItkMessage(Fixtures.Builder().Build(draft).Bundle).Header!.Handling!;

        Assert.Equal("valueCoding", handling.LocalExtensionValue!.Name);
    }

    [Fact]
    public void Rejects_payloads_that_are_not_resources_or_bundles()
    {
        Assert.Throws<ArgumentException>(() => ItkPayload.Document(Fixtures.R("Patient")));
        Assert.Throws<ArgumentException>(() => ItkPayload.FromResources(Fixtures.N("notAResource")));
    }
}
