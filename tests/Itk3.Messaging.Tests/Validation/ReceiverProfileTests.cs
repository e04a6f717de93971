using System.Text.Json;
using Itk3.Messaging.Validation;

namespace Itk3.Messaging.Tests.Validation;

public sealed class ReceiverProfileTests
{
    [Fact]
    public void The_documented_sample_profile_loads()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Itk3.slnx")))
        {
            root = root.Parent!;
        }

        var profile = ReceiverProfile.FromJson(File.ReadAllText(Path.Combine(root.FullName, "samples", "receiver-profile.json")));

        Assert.Equal(["ITK003D", "ITK007C"], profile.Flows.Select(f => f.Event));
        Assert.True(profile.Senders.AllowListEnabled);
        Assert.Equal(["application/pdf", "text/plain"], profile.Attachments.Supported);
    }

    [Fact]
    public void Empty_json_is_the_permissive_profile() => Assert.Equal(ReceiverProfile.Permissive.ToJson(), ReceiverProfile.FromJson("{}").ToJson());

    [Fact]
    public void Unknown_members_are_rejected() => Assert.Throws<JsonException>(() => ReceiverProfile.FromJson("""{"maxMesageBytes": 5}"""));

    [Fact]
    public void A_profile_round_trips_through_json()
    {
        var profile = new ReceiverProfile { Events = ["ITK003D"], FlowRules = [new FlowRule { Key = "InfAckRequested", MustBe = true }] };
        var again = ReceiverProfile.FromJson(profile.ToJson());
        Assert.Equal(profile.ToJson(), again.ToJson());
    }
}
