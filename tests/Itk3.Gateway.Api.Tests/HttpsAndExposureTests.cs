using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Itk3.Gateway.Api.Hosting;
using Itk3.Gateway.Api.Tests.Support;
using Itk3.Gateway.Tests.Support;
using Itk3.Mesh.Http;
using Microsoft.Extensions.Logging;

namespace Itk3.Gateway.Api.Tests;

/// <summary>The API over HTTPS with a configured certificate (PEM or PKCS#12), and the warning for plain HTTP beyond loopback.</summary>
public sealed class HttpsAndExposureTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Theory]
    [InlineData("pem")]
    [InlineData("pem-one-file")]
    [InlineData("pfx")]
    public async Task Api_serves_https_with_the_configured_certificate(string format)
    {
        using var temp = new TempFolder();
        using var issued = SelfSigned();
        var certificate = format switch
        {
            "pem" => CertificateFiles.LoadWithPrivateKey(WritePem(temp, issued, separateKey: true, out var key), key, null),
            "pem-one-file" => CertificateFiles.LoadWithPrivateKey(WritePem(temp, issued, separateKey: false, out _), null, null),
            _ => CertificateFiles.LoadWithPrivateKey(WritePfx(temp, issued, "pfx-pass"), null, "pfx-pass"),
        };
        var options = new GatewayApiOptions { Urls = ["https://127.0.0.1:0"], ApiKeys = ApiNode.Keys, Certificate = certificate };
        await using var api = await GatewayApiServer.StartAsync(nodes.Hospital.Host.Application, nodes.Hospital.Host.Queries, options);
        string? seen = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => (seen = presented?.Thumbprint) == issued.Thumbprint,
        };
        using var client = new HttpClient(handler) { BaseAddress = api.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiNode.Key);

        using var response = await client.GetAsync("api/v1/health");

        Assert.Equal("https", api.BaseAddress.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(issued.Thumbprint, seen);
    }

    [Fact]
    public async Task Https_url_without_a_certificate_is_refused_at_start()
    {
        var options = new GatewayApiOptions { Urls = ["https://127.0.0.1:0"], ApiKeys = ApiNode.Keys };

        await Assert.ThrowsAsync<ArgumentException>(() =>
            GatewayApiServer.StartAsync(nodes.Hospital.Host.Application, nodes.Hospital.Host.Queries, options));
    }

    [Fact]
    public void Certificate_file_without_a_private_key_is_refused()
    {
        using var temp = new TempFolder();
        using var issued = SelfSigned();
        var path = Path.Combine(temp.Path, "public.pem");
        File.WriteAllText(path, issued.ExportCertificatePem());

        Assert.ThrowsAny<CryptographicException>(() => CertificateFiles.LoadWithPrivateKey(path, null, null));
    }

    [Theory]
    [InlineData("http://0.0.0.0:0", true)]
    [InlineData("http://127.0.0.1:0", false)]
    public async Task Plain_http_beyond_loopback_logs_a_security_warning(string url, bool warned)
    {
        var events = new ConcurrentQueue<EventId>();
        using var logging = LoggerFactory.Create(b => b.AddProvider(new EventCapture(events)).SetMinimumLevel(LogLevel.Warning));
        var options = new GatewayApiOptions { Urls = [url], ApiKeys = ApiNode.Keys };

        await using (await GatewayApiServer.StartAsync(nodes.Hospital.Host.Application, nodes.Hospital.Host.Queries, options, logging))
        {
        }

        Assert.Equal(warned, events.Any(e => e.Id == ApiServerLog.PlainHttpBeyondLoopbackId));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", true)]
    [InlineData("http://*:5080", true)]
    [InlineData("http://+:5080", true)]
    [InlineData("http://192.168.1.20:5080", true)]
    [InlineData("http://[::]:5080", true)]
    [InlineData("http://127.0.0.1:5080", false)]
    [InlineData("http://localhost:5080", false)]
    [InlineData("http://[::1]:5080", false)]
    [InlineData("https://0.0.0.0:5443", false)]
    public void Plain_http_exposure_is_recognised_for_every_binding_form(string url, bool exposed) =>
        Assert.Equal(exposed, ListenAddresses.IsPlainHttpBeyondLoopback(url));

    internal static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=itk3 test api", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
    }

    private static string WritePem(TempFolder temp, X509Certificate2 certificate, bool separateKey, out string keyPath)
    {
        var key = certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem();
        var path = Path.Combine(temp.Path, "api.pem");
        keyPath = Path.Combine(temp.Path, "api.key");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + (separateKey ? "" : key));
        File.WriteAllText(keyPath, key);
        return path;
    }

    private static string WritePfx(TempFolder temp, X509Certificate2 certificate, string password)
    {
        var path = Path.Combine(temp.Path, "api.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    private sealed class EventCapture(ConcurrentQueue<EventId> events) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            events.Enqueue(eventId);

        public void Dispose()
        {
        }
    }
}
