using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Itk3.Cli.Commands;
using Itk3.Mesh.Server.Host;

namespace Itk3.Cli.Tests;

public sealed partial class MeshServeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-serve-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Missing_config_file_exits_2()
    {
        var (exitCode, _, error) = Run("--config", Path.Combine(_folder, "absent.json"), "--data", _folder);

        Assert.Equal(ExitCodes.UsageOrIo, exitCode);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Invalid_config_exits_2_naming_the_field()
    {
        var config = WriteConfig(password: "");

        var (exitCode, _, error) = Run("--config", config, "--data", _folder);

        Assert.Equal(ExitCodes.UsageOrIo, exitCode);
        Assert.Contains("mailboxes[0].password", error);
    }

    [Fact]
    public void Requiring_client_certificates_without_https_exits_2()
    {
        var (exitCode, _, _) = Run("--config", WriteConfig(), "--data", _folder, "--require-client-cert");

        Assert.Equal(ExitCodes.UsageOrIo, exitCode);
    }

    [Fact]
    public void A_port_already_in_use_exits_2()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var (exitCode, _, _) = Run("--config", WriteConfig(), "--data", _folder, "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(ExitCodes.UsageOrIo, exitCode);
    }

    [Fact]
    public async Task Serves_until_cancelled_and_prints_url_and_mailboxes()
    {
        var output = new BlockingWriter();
        using var cts = new CancellationTokenSource();
        var args = new[] { "--config", WriteConfig(), "--data", Path.Combine(_folder, "data"), "--urls", "http://127.0.0.1:0" };
        var run = MeshServeCommand.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = new StringWriter() }, cts.Token);

        var url = await output.WaitForAsync(UrlPattern(), run);
        using (var http = new HttpClient())
        using (var ping = await http.GetAsync(new Uri(new Uri(url), "messageexchange/_ping")))
        {
            Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        }

        await cts.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await run);
        Assert.Contains("ITK3TEST01", output.Text);
        Assert.True(Directory.Exists(Path.Combine(_folder, "data", "journal")));
    }

    [Theory]
    [InlineData(null, null, 404)]
    [InlineData("cli-admin-token-0123456789", null, 401)]
    [InlineData("cli-admin-token-0123456789", "wrong-admin-token-0123456789", 401)]
    [InlineData("cli-admin-token-0123456789", "cli-admin-token-0123456789", 200)]
    public async Task Admin_endpoints_are_off_unless_an_admin_token_is_given_and_then_need_it(string? token, string? presented, int status)
    {
        var output = new BlockingWriter();
        using var cts = new CancellationTokenSource();
        string[] args = ["--config", WriteConfig(), "--data", Path.Combine(_folder, "data"), "--urls", "http://127.0.0.1:0", "--admin-token", token ?? ""];
        var run = MeshServeCommand.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = new StringWriter() }, cts.Token);

        var url = await output.WaitForAsync(UrlPattern(), run);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(new Uri(url), "admin/reset"));
        if (presented is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", presented);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        await cts.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await run);
    }

    [Fact]
    public void A_too_short_admin_token_exits_2()
    {
        var (exitCode, _, error) = Run("--config", WriteConfig(), "--data", _folder, "--admin-token", "short");

        Assert.Equal(ExitCodes.UsageOrIo, exitCode);
        Assert.Contains("adminToken", error);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex UrlPattern();

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = MeshServeCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private string WriteConfig(string password = "pw")
    {
        var path = Path.Combine(_folder, "mesh.json");
        File.WriteAllText(path, $$"""
            {
              "sharedKey": "TestKey",
              "mailboxes": [ { "id": "ITK3TEST01", "password": "{{password}}", "odsCode": "X26", "name": "Test" } ]
            }
            """);
        return path;
    }

    /// <summary>A thread-safe writer a test can wait on until some text appears.</summary>
    private sealed class BlockingWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_gate)
            {
                base.WriteLine(value);
            }
        }

        public async Task<string> WaitForAsync(Regex pattern, Task running)
        {
            for (var i = 0; i < 600; i++)
            {
                var match = pattern.Match(Text);
                if (match.Success)
                {
                    return match.Value;
                }

                Assert.False(running.IsCompleted, "the command stopped before printing its URL: " + Text);
                await Task.Delay(50);
            }

            throw new TimeoutException("no URL printed: " + Text);
        }
    }
}
