using System.Globalization;

namespace Itk3.Mesh.Server.Protocol;

/// <summary>Makes message IDs in the real MESH form <c>yyyyMMddHHmmssffffff_XXXXXX</c> from the clock and a random source.</summary>
internal sealed class MessageIdGenerator(TimeProvider time, Random random)
{
    private readonly Lock _lock = new();

    public string Next()
    {
        var now = time.GetUtcNow().UtcDateTime;
        int suffix;
        lock (_lock)
        {
            suffix = random.Next(0, 1 << 24);
        }

        return now.ToString("yyyyMMddHHmmssffffff", CultureInfo.InvariantCulture) + "_"
            + suffix.ToString("X6", CultureInfo.InvariantCulture);
    }

    /// <summary>32 lower-case hex characters (used for v1 lookup <c>query_id</c> and count <c>internalID</c>).</summary>
    public string NextHex32()
    {
        var bytes = new byte[16];
        lock (_lock)
        {
            random.NextBytes(bytes);
        }

        return Convert.ToHexStringLower(bytes);
    }
}
