using System.Globalization;

namespace Itk3.Gateway.Chaos.Cluster;

/// <summary>Reads a process's memory figures from <c>/proc/&lt;pid&gt;/status</c> (Linux).</summary>
internal static class ProcStatus
{
    /// <summary>VmHWM (peak resident set) in bytes, or null when the process is gone.</summary>
    public static long? PeakResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }
}
