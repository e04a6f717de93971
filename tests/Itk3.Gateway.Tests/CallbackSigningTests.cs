using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Tests;

/// <summary>Callbacks carry an HMAC-SHA256 signature a real receiver verifies, and a hanging receiver times out and is retried.</summary>
public sealed class CallbackSigningTests
{
    public const string Secret = "application-secret-0123456789abcdef";
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_receiver_holding_the_secret_verifies_the_callback_signature_over_timestamp_and_body()
    {
        using var temp = new TempFolder();
        var verdicts = new ConcurrentQueue<bool>();
        await using var receiver = await StartReceiverAsync(async context =>
        {
            var verdict = await VerifyAsync(context, Secret);
            verdicts.Enqueue(verdict);
            return verdict;
        });
        var delivered = await RunExchangeAsync(temp, receiver.Url, Secret, TimeSpan.FromSeconds(30));

        Assert.Equal(InboundState.DeliveredToApplication, delivered.State);
        Assert.Equal([true], verdicts.ToArray());
    }

    [Fact]
    public async Task A_large_payload_streamed_from_the_store_arrives_byte_for_byte_with_its_length_and_a_verifiable_signature()
    {
        using var temp = new TempFolder();
        var received = new ConcurrentQueue<(bool Verified, byte[] Body, long? Length)>();
        await using var receiver = await StartReceiverAsync(async context =>
        {
            context.Request.EnableBuffering();
            var verified = await VerifyAsync(context, Secret);
            context.Request.Body.Position = 0;
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((verified, body.ToArray(), context.Request.ContentLength));
            return verified;
        });

        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var gp = await NodeFactory.StartAsync(GpOptions(temp, receiver.Url, Secret, TimeSpan.FromSeconds(30)), mesh.BaseAddress, 2);
        await SubmitAsync(temp, mesh.BaseAddress, observations: 600);
        var page = await Eventually.GetAsync(
            () => gp.Queries.ListInboundAsync(new Store.ListFilter<InboundState>(), CancellationToken.None),
            p => p.Items.Any(m => m.State == InboundState.DeliveredToApplication));
        var stored = await gp.Queries.GetInboundContentAsync(page.Items.Single().MeshMessageId, CancellationToken.None) ?? [];

        var (verified, bytes, length) = Assert.Single(received);
        Assert.True(verified);
        Assert.True(stored.Length > 4 * 64 * 1024, $"the payload ({stored.Length} bytes) spans several store pieces");
        Assert.Equal(stored, bytes);
        Assert.Equal(stored.Length, length);
    }

    [Fact]
    public async Task A_receiver_with_another_secret_refuses_every_attempt_and_nothing_is_delivered()
    {
        using var temp = new TempFolder();
        var attempts = 0;
        await using var receiver = await StartReceiverAsync(async context =>
        {
            Interlocked.Increment(ref attempts);
            return await VerifyAsync(context, "another-secret-0123456789abcdef!!");
        });
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var gp = await NodeFactory.StartAsync(GpOptions(temp, receiver.Url, Secret, TimeSpan.FromSeconds(30)), mesh.BaseAddress, 2);
        await SubmitAsync(temp, mesh.BaseAddress);

        await Eventually.GetAsync(() => Task.FromResult(Volatile.Read(ref attempts)), n => n >= 2);
        var messages = await gp.Queries.ListInboundAsync(new Store.ListFilter<InboundState>(), CancellationToken.None);

        Assert.DoesNotContain(messages.Items, m => m.State == InboundState.DeliveredToApplication);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_is_cut_off_at_the_callback_timeout_and_tried_again()
    {
        using var temp = new TempFolder();
        var attempts = 0;
        await using var receiver = await StartReceiverAsync(async context =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }

            return await VerifyAsync(context, Secret);
        });

        var delivered = await RunExchangeAsync(temp, receiver.Url, Secret, TimeSpan.FromMilliseconds(500));

        Assert.Equal(InboundState.DeliveredToApplication, delivered.State);
        Assert.Equal(2, Volatile.Read(ref attempts));
    }

    [Fact]
    public void Signature_is_v1_and_the_lower_case_hex_HMAC_of_timestamp_dot_body_and_verification_refuses_changes()
    {
        var body = Encoding.UTF8.GetBytes("{\"resourceType\":\"Bundle\"}");
        var now = DateTimeOffset.FromUnixTimeSeconds(1_796_000_000);
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes("1796000000.").Concat(body).ToArray()));

        var signature = CallbackSignature.Sign(Secret, 1_796_000_000, body);

        Assert.Equal(expected, signature);
        Assert.Equal("v1=cb0f4dac34a046abbbcd2941397238c35475b9e86021bdc8f870f86d931ed23f", signature); // the worked example in docs/gateway-node.md
        Assert.True(CallbackSignature.Verify(Secret, "1796000000", signature, body, now, TimeSpan.FromMinutes(5)));
        Assert.False(CallbackSignature.Verify(Secret, "1796000001", signature, body, now, TimeSpan.FromMinutes(5)));
        Assert.False(CallbackSignature.Verify(Secret, "1796000000", signature, [.. body, (byte)' '], now, TimeSpan.FromMinutes(5)));
        Assert.False(CallbackSignature.Verify(Secret, "1796000000", signature, body, now.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(CallbackSignature.Verify("another-secret", "1796000000", signature, body, now, TimeSpan.FromMinutes(5)));
    }

    /// <summary>What an application does: recompute HMAC-SHA256(secret, timestamp + "." + body) and compare in constant time.</summary>
    private static async Task<bool> VerifyAsync(HttpContext context, string secret)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var timestamp = context.Request.Headers["X-Itk3-Timestamp"].ToString();
        var signature = context.Request.Headers["X-Itk3-Signature"].ToString();
        var signed = Encoding.ASCII.GetBytes(timestamp + ".").Concat(buffer.ToArray()).ToArray();
        var expected = Encoding.ASCII.GetBytes("v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)));
        var fresh = long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) <= 300;
        return fresh && CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private static GatewayOptions GpOptions(TempFolder temp, string url, string secret, TimeSpan timeout) =>
        NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")) with
        {
            Delivery = new DeliverySettings { Mode = "callback", CallbackUrl = url, CallbackSecret = secret, CallbackTimeout = timeout },
        };

    private static async Task<InboundMessage> RunExchangeAsync(TempFolder temp, string url, string secret, TimeSpan timeout)
    {
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var gp = await NodeFactory.StartAsync(GpOptions(temp, url, secret, timeout), mesh.BaseAddress, 2);
        await SubmitAsync(temp, mesh.BaseAddress);
        var page = await Eventually.GetAsync(
            () => gp.Queries.ListInboundAsync(new Store.ListFilter<InboundState>(), CancellationToken.None),
            p => p.Items.Any(m => m.State == InboundState.DeliveredToApplication));
        return page.Items.First(m => m.State == InboundState.DeliveredToApplication);
    }

    private static async Task SubmitAsync(TempFolder temp, Uri mesh, int observations = 0)
    {
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh, 1);
        var payload = observations > 0
            ? SampleDocuments.DischargeSummary("99999999-0000-4000-8000-000000000002", Date, observations)
            : SampleDocuments.DischargeSummary("99999999-0000-4000-8000-000000000002", Date);
        await hospital.Application.SubmitAsync(new Application.SubmitRequest(payload, Transactions.RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH"), CancellationToken.None);
        await Eventually.GetAsync(() => hospital.Queries.ListTransactionsAsync(new Store.ListFilter<Transactions.TransactionState>(), CancellationToken.None),
            p => p.Items.Any(t => t.State != Transactions.TransactionState.Queued));
    }

    private static async Task<Receiver> StartReceiverAsync(Func<HttpContext, Task<bool>> verify)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/inbound", async (HttpContext context) => await verify(context) ? Results.Ok() : Results.Unauthorized());
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Receiver(app, url + "/inbound");
    }

    private sealed record Receiver(WebApplication App, string Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
