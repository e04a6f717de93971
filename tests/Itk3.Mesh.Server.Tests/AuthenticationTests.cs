using Itk3.Mesh.Server.Tests.Support;
using static Itk3.Mesh.Server.Tests.Support.MeshTestClient;

namespace Itk3.Mesh.Server.Tests;

public sealed class AuthenticationTests
{
    private const string InboxPath = "/messageexchange/X26ABC2/inbox";

    [Fact]
    public async Task Bad_HMAC_from_a_wrong_shared_key_is_403_with_the_v2_error_shape()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.Request(HttpMethod.Get, InboxPath, null);
        request.Headers.TryAddWithoutValidation("Authorization", f.Client.Token("X26ABC2", key: "WrongKey"));

        using var response = await f.Client.Http.SendAsync(request);

        await AssertForbiddenAsync(response, "", "");
        Assert.Equal(V2, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Wrong_password_is_403()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.Request(HttpMethod.Get, InboxPath, null);
        request.Headers.TryAddWithoutValidation("Authorization", f.Client.Token("X26ABC2", password: "nope"));

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(403, (int)response.StatusCode);
    }

    [Fact]
    public async Task Missing_authorization_header_is_403()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.Http.SendAsync(f.Client.Request(HttpMethod.Get, InboxPath, null));

        await AssertForbiddenAsync(response, "", "");
    }

    [Fact]
    public async Task Token_for_another_mailbox_than_the_path_is_403()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.Request(HttpMethod.Get, InboxPath, null);
        request.Headers.TryAddWithoutValidation("Authorization", f.Client.Token("X26ABC1"));

        using var response = await f.Client.Http.SendAsync(request);

        await AssertForbiddenAsync(response, "", "");
    }

    [Fact]
    public async Task Lower_case_mailbox_in_path_and_token_does_not_match_like_the_sandbox()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.Request(HttpMethod.Get, "/messageexchange/x26abc2/inbox", null);
        request.Headers.TryAddWithoutValidation("Authorization", f.Client.Token("x26abc2"));

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(403, (int)response.StatusCode);
    }

    [Fact]
    public async Task Unknown_mailbox_is_403_with_EPL_151()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.GetAsync("/messageexchange/NOBODY1/inbox", "NOBODY1");

        await AssertForbiddenAsync(response, "SEND", "EPL-151");
    }

    [Theory]
    [InlineData(-121)]
    [InlineData(121)]
    public async Task Token_timestamp_outside_two_hours_of_server_time_is_403(int minutes)
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.Request(HttpMethod.Get, InboxPath, null);
        request.Headers.TryAddWithoutValidation("Authorization", f.Client.Token("X26ABC2", at: f.Time.GetUtcNow().AddMinutes(minutes)));

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(403, (int)response.StatusCode);
    }

    [Fact]
    public async Task Token_timestamp_just_inside_the_window_is_accepted()
    {
        await using var f = await ServerFixture.StartAsync();
        using var request = f.Client.Request(HttpMethod.Get, InboxPath, null);
        request.Headers.TryAddWithoutValidation("Authorization", f.Client.Token("X26ABC2", at: f.Time.GetUtcNow().AddMinutes(-119)));

        using var response = await f.Client.Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Replayed_token_is_403_the_second_time()
    {
        await using var f = await ServerFixture.StartAsync();
        var token = f.Client.Token("X26ABC2");

        var statuses = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            using var request = f.Client.Request(HttpMethod.Get, InboxPath, null);
            request.Headers.TryAddWithoutValidation("Authorization", token);
            using var response = await f.Client.Http.SendAsync(request);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([200, 403], statuses);
    }

    [Fact]
    public async Task Errors_use_the_v1_shape_without_a_v2_accept()
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.GetAsync("/messageexchange/NOBODY1/inbox", "NOBODY1", accept: "application/json");

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var json = Json(await response.Content.ReadAsStringAsync());
        Assert.Equal("SEND", json.GetProperty("errorEvent").GetString());
        Assert.Equal("EPL-151", json.GetProperty("errorCode").GetString());
        Assert.True(json.TryGetProperty("errorDescription", out _));
    }

    [Theory]
    [InlineData("application/vnd.mesh.vX+json")]
    [InlineData("application/vnd.mesh.v2+json, application/json")]
    public async Task Unknown_or_listed_mesh_accept_is_400_in_the_v1_shape(string accept)
    {
        await using var f = await ServerFixture.StartAsync();

        using var response = await f.Client.GetAsync(InboxPath, "X26ABC2", accept);

        Assert.Equal(400, (int)response.StatusCode);
        var json = Json(await response.Content.ReadAsStringAsync());
        Assert.Equal("", json.GetProperty("errorCode").GetString());
    }

    private static async Task AssertForbiddenAsync(HttpResponseMessage response, string expectedEvent, string expectedCode)
    {
        Assert.Equal(403, (int)response.StatusCode);
        var detail = Json(await response.Content.ReadAsStringAsync()).GetProperty("detail")[0];
        Assert.Equal(expectedEvent, detail.GetProperty("event").GetString());
        Assert.Equal(expectedCode, detail.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(detail.GetProperty("msg").GetString()));
    }
}
