using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Itk3.Cli.Serving;

/// <summary>How <c>itk3 serve</c> writes its log to standard output: <c>console</c> (one line per event with UTC timestamp and level) or <c>json</c> (one JSON object per line).</summary>
internal static class LogFormat
{
    /// <summary>The names accepted by <c>--log-format</c>.</summary>
    public static readonly string[] Names = ["console", "json"];

    /// <summary>Configures the logging builder for <paramref name="format"/>; the node's events at Information, framework noise at Warning.</summary>
    public static void Apply(ILoggingBuilder logging, string format)
    {
        logging.ClearProviders();
        if (format == "json")
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
                o.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }

        // Everything on standard output: one stream for the node, the API and the host.
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.None);
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
    }
}
