using Itk3.Mesh.Server.Tests.Support;

namespace Itk3.Mesh.Server.Tests;

public sealed class DurabilityTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("itk3-mesh-test-").FullName;

    [Fact]
    public async Task Messages_survive_a_restart_on_the_same_data_directory()
    {
        var time = new ManualTimeProvider(ServerFixture.Start);
        string id, acknowledged;
        await using (var first = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: time))
        {
            id = await first.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "durable body");
            acknowledged = await first.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
            using (await first.Client.AcknowledgeAsync("X26ABC2", acknowledged))
            {
            }
        }

        await using var second = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: time);

        Assert.Equal([id], await second.Client.InboxAsync("X26ABC2"));
        using var download = await second.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2");
        Assert.Equal("durable body", await download.Content.ReadAsStringAsync());
        using var gone = await second.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{acknowledged}", "X26ABC2");
        Assert.Equal(410, (int)gone.StatusCode);
    }

    [Fact]
    public async Task An_uploading_chunked_message_can_be_finished_after_a_restart_and_keeps_inbox_order()
    {
        var time = new ManualTimeProvider(ServerFixture.Start);
        string chunked, earlier;
        await using (var first = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: time))
        {
            earlier = await first.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
            chunked = await first.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "a", r => r.Headers.Add("mex-Chunk-Range", "1:2"));
        }

        await using var second = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: time);
        using var request = second.Client.Request(HttpMethod.Post, $"/messageexchange/X26ABC1/outbox/{chunked}/2", "X26ABC1");
        request.Content = new ByteArrayContent("b"u8.ToArray());
        request.Headers.Add("mex-Chunk-Range", "2:2");
        using (await second.Client.Http.SendAsync(request))
        {
        }

        var later = await second.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
        Assert.Equal([earlier, chunked, later], await second.Client.InboxAsync("X26ABC2"));
    }

    [Fact]
    public async Task Leftover_temporary_files_from_an_interrupted_write_are_ignored()
    {
        var time = new ManualTimeProvider(ServerFixture.Start);
        Directory.CreateDirectory(Path.Combine(_dataDir, "messages"));
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "messages", "20261121000000000000_ABCDEF.json.tmp"), "{ half");

        await using var f = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: time);

        Assert.Empty(await f.Client.InboxAsync("X26ABC2"));
        Assert.Empty(Directory.GetFiles(_dataDir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_data_directory_in_the_one_file_per_message_format_is_imported_into_the_journal()
    {
        var time = new ManualTimeProvider(ServerFixture.Start);
        const string id = "20261121052426000000_ABCDEF";
        Directory.CreateDirectory(Path.Combine(_dataDir, "messages"));
        Directory.CreateDirectory(Path.Combine(_dataDir, "chunks", id));
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "chunks", id, "1"), "legacy body");
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "messages", id + ".json"), $$"""
            {"messageId":"{{id}}","messageType":"DATA","sender":"X26ABC1","recipient":"X26ABC2","workflowId":"TEST_WORKFLOW",
             "contentType":"text/plain","totalChunks":1,"receivedChunks":1,"size":11,"lastChunkSize":11,"status":"Accepted",
             "sequence":7,"uploadedAt":"2026-11-21T05:24:26+00:00","acceptedAt":"2026-11-21T05:24:26+00:00",
             "statusSuccess":"SUCCESS","statusTimestamp":"2026-11-21T05:24:26+00:00"}
            """);

        string later;
        await using (var first = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: time))
        {
            later = await first.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
        }

        Assert.False(Directory.Exists(Path.Combine(_dataDir, "messages")));
        await using var second = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: time);
        Assert.Equal([id, later], await second.Client.InboxAsync("X26ABC2"));
        using var download = await second.Client.GetAsync($"/messageexchange/X26ABC2/inbox/{id}", "X26ABC2");
        Assert.Equal("legacy body", await download.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_token_used_before_a_restart_is_refused_after_it_inside_the_window(bool compactInBetween)
    {
        var time = new ManualTimeProvider(ServerFixture.Start);
        var journal = new Storage.JournalOptions { CompactBytes = compactInBetween ? 1 : 64 * 1024 * 1024 };
        string token;
        await using (var first = await ServerFixture.StartAsync(null, _dataDir, time, journal))
        {
            token = first.Client.Token("X26ABC2");
            Assert.Equal(200, await InboxWithTokenAsync(first, token));
            if (compactInBetween)
            {
                // Journal growth past CompactBytes compacts after the next batch: the token must survive into the new generation.
                await first.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
                await first.Client.SendAsync("X26ABC1", "X26ABC2", "TEST_WORKFLOW");
            }
        }

        time.Advance(TimeSpan.FromMinutes(90));
        await using var second = await ServerFixture.StartAsync(dataDirectory: _dataDir, time: time);

        Assert.Equal(403, await InboxWithTokenAsync(second, token));
        var fresh = Itk3.Mesh.Authentication.MeshToken.Create("X26ABC2", TestConfig.Password, TestConfig.SharedKey, "a-new-nonce", 0, time.GetUtcNow());
        Assert.Equal(200, await InboxWithTokenAsync(second, fresh.ToString()));
    }

    private static async Task<int> InboxWithTokenAsync(ServerFixture f, string token)
    {
        using var request = f.Client.Request(HttpMethod.Get, "/messageexchange/X26ABC2/inbox", null);
        request.Headers.TryAddWithoutValidation("Authorization", token);
        using var response = await f.Client.Http.SendAsync(request);
        return (int)response.StatusCode;
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
