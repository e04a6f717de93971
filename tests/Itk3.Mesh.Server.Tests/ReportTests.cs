using Itk3.Mesh.Server.Tests.Support;
using static Itk3.Mesh.Server.Tests.Support.MeshTestClient;

namespace Itk3.Mesh.Server.Tests;

public sealed class ReportTests
{
    [Fact]
    public async Task Message_uncollected_for_5_days_expires_and_the_sender_gets_a_code_14_REPORT()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", tweak: r => r.Headers.Add("mex-LocalID", "local-9"));
        f.Time.Advance(TimeSpan.FromDays(5) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await f.Server.RunExpiryAsync());

        f.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await f.Server.RunExpiryAsync());

        Assert.Empty(await f.Client.InboxAsync("X26ABC2"));
        using (var gone = await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2"))
        {
            Assert.Equal(410, (int)gone.StatusCode);
        }

        var reportId = Assert.Single(await f.Client.InboxAsync("X26ABC1"));
        using var report = await f.Client.GetAsync($"/messageexchange/X26ABC1/inbox/{reportId}", "X26ABC1");
        Assert.Equal(200, (int)report.StatusCode);
        Assert.Equal("REPORT", Header(report, "mex-messagetype"));
        Assert.Equal(id, Header(report, "mex-linkedmsgid"));
        Assert.Equal("14", Header(report, "mex-statuscode"));
        Assert.Equal("TRANSFER", Header(report, "mex-statusevent"));
        Assert.Equal("ERROR", Header(report, "mex-statussuccess"));
        Assert.Equal("local-9", Header(report, "mex-localid"));
        Assert.Equal("1:0", Header(report, "mex-chunk-range"));
        Assert.Equal("20261126052426", Header(report, "mex-statustimestamp"));
        Assert.Equal("", Header(report, "mex-from"));
        Assert.Empty(await report.Content.ReadAsByteArrayAsync());

        var tracking = await TrackingAndLookupTests.TrackAsync(f, id, V2);
        Assert.Equal("undeliverable", tracking.GetProperty("status").GetString());
        Assert.False(tracking.GetProperty("status_success").GetBoolean());
        Assert.Equal("14", tracking.GetProperty("status_code").GetString());
    }

    [Fact]
    public async Task Acknowledged_messages_do_not_expire()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
        using (await f.Client.AcknowledgeAsync("X26ABC2", id))
        {
        }

        f.Time.Advance(TimeSpan.FromDays(6));

        Assert.Equal(0, await f.Server.RunExpiryAsync());
        Assert.Empty(await f.Client.InboxAsync("X26ABC1"));
    }

    [Fact]
    public async Task Messages_are_deleted_after_the_retention_period()
    {
        await using var f = await ServerFixture.StartAsync();
        var id = await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
        using (await f.Client.AcknowledgeAsync("X26ABC2", id))
        {
        }

        f.Time.Advance(TimeSpan.FromDays(30));
        await f.Server.RunExpiryAsync();

        using var response = await f.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2");
        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task Admin_endpoint_injects_a_REPORT_with_the_given_fields()
    {
        await using var f = await StartWithAdminAsync();
        const string body = "{\"mailbox_id\":\"X26ABC3\",\"code\":\"14\",\"description\":\"Message not collected by recipient after 5 days\"," +
            "\"event\":\"TRANSFER\",\"workflow_id\":\"TEST_WORKFLOW\",\"linked_message_id\":\"ABC\",\"local_id\":\"l\",\"file_name\":\"f.json\"}";

        using var created = await f.Client.Http.PostAsync("/messageexchange/admin/report", new StringContent(body));
        var id = Json(await created.Content.ReadAsStringAsync()).GetProperty("message_id").GetString()!;
        using var report = await f.Client.GetAsync($"/messageexchange/X26ABC3/inbox/{id}", "X26ABC3");

        Assert.Equal(200, (int)created.StatusCode);
        Assert.Equal(("REPORT", "ABC", "14", "X26ABC3", "f.json"), (Header(report, "mex-messagetype"), Header(report, "mex-linkedmsgid"),
            Header(report, "mex-statuscode"), Header(report, "mex-to"), Header(report, "mex-filename")));
    }

    [Fact]
    public async Task Admin_report_for_an_unknown_mailbox_is_400()
    {
        await using var f = await StartWithAdminAsync();

        using var response = await f.Client.Http.PostAsync("/messageexchange/admin/report", new StringContent("{\"mailbox_id\":\"NOBODY\"}"));

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public async Task Admin_reset_of_one_mailbox_keeps_the_others_and_full_reset_empties_all()
    {
        await using var f = await StartWithAdminAsync();
        await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
        await f.Client.SendAsync("X26ABC2", "X26ABC3", "TEST_WORKFLOW_ACK");

        using (var reset = await f.Client.Http.DeleteAsync("/admin/reset/X26ABC3"))
        {
            Assert.Equal(200, (int)reset.StatusCode);
        }

        Assert.Empty(await f.Client.InboxAsync("X26ABC3"));
        Assert.Single(await f.Client.InboxAsync("X26ABC2"));
        using (await f.Client.Http.DeleteAsync("/admin/reset"))
        {
        }

        Assert.Empty(await f.Client.InboxAsync("X26ABC2"));
    }

    [Fact]
    public async Task Admin_expire_endpoint_runs_the_sweep()
    {
        await using var f = await StartWithAdminAsync();
        await f.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
        f.Time.Advance(TimeSpan.FromDays(5));

        using var response = await f.Client.Http.PostAsync("/admin/expire", null);

        Assert.Equal("{\"expired\":1}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_endpoints_are_absent_by_default()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.Http.DeleteAsync("/admin/reset");

        Assert.Equal(404, (int)response.StatusCode);
    }

    private static async Task<ServerFixture> StartWithAdminAsync()
    {
        var f = await ServerFixture.StartAsync(TestConfig.WithAdmin());
        f.Client.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestConfig.AdminToken);
        return f;
    }
}
