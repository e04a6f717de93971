using System.Net;
using System.Net.Http.Json;
using Itk3.Gateway.Api.Tests.Support;

namespace Itk3.Gateway.Api.Tests;

public sealed class ScopeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Theory]
    [InlineData("api/v1/transactions")]
    [InlineData("api/v1/messages")]
    [InlineData("api/v1/deliveries")]
    [InlineData("api/v1/outbox")]
    [InlineData("api/v1/health")]
    public async Task A_read_key_reads_and_a_submit_or_operate_key_is_forbidden_with_scope_missing(string path)
    {
        using var read = nodes.Hospital.With("read-key-5c1e");
        using var submit = nodes.Hospital.With("submit-key-5c1e");
        using var operate = nodes.Hospital.With("operate-key-5c1e");

        Assert.Equal(HttpStatusCode.OK, (await read.GetAsync(path)).StatusCode);
        await Json.ProblemAsync(await submit.GetAsync(path), HttpStatusCode.Forbidden, "scope-missing");
        await Json.ProblemAsync(await operate.GetAsync(path), HttpStatusCode.Forbidden, "scope-missing");
    }

    [Fact]
    public async Task A_submit_key_submits_and_a_read_key_cannot_submit()
    {
        using var read = nodes.Hospital.With("read-key-5c1e");
        using var submit = nodes.Hospital.With("submit-key-5c1e");

        await Json.ProblemAsync(await Json.SubmitAsync(read, nodes.NextDocument()), HttpStatusCode.Forbidden, "scope-missing");
        var accepted = await Json.ReadAsync(await Json.SubmitAsync(submit, nodes.NextDocument()), HttpStatusCode.Accepted);
        Assert.False(string.IsNullOrEmpty(accepted.GetProperty("transaction").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Pulling_deliveries_needs_submit_and_operator_actions_need_operate()
    {
        using var read = nodes.Gp.With("read-key-5c1e");
        using var submit = nodes.Gp.With("submit-key-5c1e");
        using var operate = nodes.Gp.With("operate-key-5c1e");

        await Json.ProblemAsync(await read.PostAsync("api/v1/deliveries/next", null), HttpStatusCode.Forbidden, "scope-missing");
        Assert.Equal(HttpStatusCode.OK, (await submit.PostAsync("api/v1/deliveries/next?max=1&claimant=scope-test", null)).StatusCode);
        await Json.ProblemAsync(await submit.PostAsJsonAsync("api/v1/outbox/x/requeue", new { }), HttpStatusCode.Forbidden, "scope-missing");
        await Json.ProblemAsync(await read.PostAsJsonAsync("api/v1/deliveries/x/resolve", new { note = "n" }), HttpStatusCode.Forbidden, "scope-missing");
        await Json.ProblemAsync(await operate.PostAsJsonAsync("api/v1/outbox/no-such-item/requeue", new { }), HttpStatusCode.NotFound, "outbox-item-not-found");
    }

    [Fact]
    public async Task A_deprecated_plain_key_and_an_admin_key_hold_every_scope()
    {
        using var legacy = nodes.Hospital.With("another-key");

        Assert.Equal(HttpStatusCode.OK, (await legacy.GetAsync("api/v1/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Json.SubmitAsync(legacy, nodes.NextDocument())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nodes.Hospital.Client.PostAsJsonAsync("api/v1/deliveries/none/requeue", new { })).StatusCode);
    }
}
