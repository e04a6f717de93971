using System.Text;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// Compares ASCII string keys, and lets a dictionary keyed by those strings be searched with their UTF-8 bytes, so a
/// cached value needs no separate byte-array key. Only ASCII bytes may be looked up (UTF-8 and UTF-16 agree on them).
/// </summary>
internal sealed class AsciiKeyComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<byte>, string>
{
    private const int MaxLength = 256;

    public static AsciiKeyComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj)
    {
        if (obj.Length > MaxLength || !Ascii.IsValid(obj))
        {
            return obj.GetHashCode();
        }

        Span<byte> bytes = stackalloc byte[obj.Length];
        Ascii.FromUtf16(obj, bytes, out _);
        return GetHashCode(bytes);
    }

    public bool Equals(ReadOnlySpan<byte> alternate, string other) => Ascii.Equals(alternate, other);

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        var hash = new HashCode();
        hash.AddBytes(alternate);
        return hash.ToHashCode();
    }

    public string Create(ReadOnlySpan<byte> alternate) => Encoding.ASCII.GetString(alternate);
}
