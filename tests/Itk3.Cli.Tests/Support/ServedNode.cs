using System.CommandLine;
using System.Text.RegularExpressions;
using Itk3.Cli.Commands;

namespace Itk3.Cli.Tests.Support;

/// <summary>A real <c>itk3 serve</c> (Kestrel on a free loopback port) run in-process on a configuration file, stopped on dispose.</summary>
internal sealed partial class ServedNode : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int> _run;

    private ServedNode(Task<int> run, CancellationTokenSource stop, string url)
    {
        (_run, _stop, Url) = (run, stop, url);
    }

    /// <summary>The API's base URL (ends with '/').</summary>
    public string Url { get; }

    /// <summary>Starts <c>itk3 serve --config <paramref name="config"/></c> on a free port and waits for its API URL.</summary>
    public static async Task<ServedNode> StartAsync(string config)
    {
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        var stop = new CancellationTokenSource();
        var run = ServeCommand.Create().Parse(["--config", config, "--api-url", "http://127.0.0.1:0"])
            .InvokeAsync(new InvocationConfiguration { Output = synchronized, Error = TextWriter.Synchronized(new StringWriter()) }, stop.Token);
        return new ServedNode(run, stop, await WaitForApiUrlAsync(output, synchronized, run));
    }

    /// <summary>Waits until <c>itk3 serve</c> prints its API URL and returns it.</summary>
    /// <remarks>TextWriter.Synchronized locks on the wrapper itself, so reading under that lock never sees a half-written line.</remarks>
    public static async Task<string> WaitForApiUrlAsync(StringWriter output, TextWriter gate, Task running)
    {
        for (var i = 0; i < 1200 && !running.IsCompleted; i++)
        {
            string text;
            lock (gate)
            {
                text = output.ToString();
            }

            if (ApiLine().Match(text) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("itk3 serve did not print its API URL: " + output);
    }

    /// <summary>Stops the node and waits for a clean exit.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        _stop.Dispose();
    }

    [GeneratedRegex(@"API:\s+(https?://127\.0\.0\.1:\d+/)")]
    private static partial Regex ApiLine();
}
