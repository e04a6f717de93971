using System.Globalization;
using Itk3.Gateway.Hosting;

namespace Itk3.Gateway.Chaos;

/// <summary>The run's payloads: synthetic discharge summaries (<see cref="SampleDocuments"/>) whose document id names the run and the transaction.</summary>
internal static class Payloads
{
    /// <summary>The document id of transaction <paramref name="index"/> of the run with <paramref name="seed"/> (what the recording application looks for).</summary>
    public static string DocumentId(int seed, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{(uint)seed:x8}-c4a0-4000-8000-{index:x12}");

    /// <summary>A discharge summary; <paramref name="observations"/> extra Observation entries make it large.</summary>
    public static byte[] DischargeSummary(string documentId, DateTimeOffset date, int observations = 0) =>
        observations == 0 ? SampleDocuments.DischargeSummary(documentId, date) : SampleDocuments.DischargeSummary(documentId, date, observations);
}
