using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>
/// A hash table of ASCII string keys searched by their UTF-8 bytes (UTF-8 and UTF-16 agree on ASCII), so that a reader
/// finds a known name or value without transcoding and a new entry costs only its string. Open addressing with a
/// cheap hash of the length and three 8-byte words; no interface calls per lookup. Each entry holds its key's length
/// and first and last eight bytes, the whole of most keys, so a lookup compares words in the entry and reads nothing
/// else; the middle of a longer key is kept in one reused buffer. <see cref="Clear"/> visits only the entries made,
/// so a table that grew on a large input costs a small one nothing.
/// </summary>
/// <typeparam name="T">What each key maps to.</typeparam>
internal sealed class AsciiTable<T>
{
    // Keys of up to this many bytes are held whole in their entry (length, first and last eight bytes).
    private const int InlineBytes = 16;

    private int[] _slots = new int[64];
    private Entry[] _entries = new Entry[32];
    private byte[] _keyBytes = new byte[1024];
    private int _keyBytesUsed;
    private int _count;

    /// <summary>The number of entries.</summary>
    public int Count => _count;

    /// <summary>The index of the entry for <paramref name="key"/> (ASCII bytes), or -1.</summary>
    public int Find(ReadOnlySpan<byte> key) => Find(key, out _);

    /// <summary>The index of the entry for <paramref name="key"/> (ASCII bytes), or -1; <paramref name="hash"/> is the key's hash, for <see cref="Add(ReadOnlySpan{byte}, string, T, uint)"/>.</summary>
    public int Find(ReadOnlySpan<byte> key, out uint hash)
    {
        var first = Parts(key, out var last, out hash);
        var mask = _slots.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            var index = _slots[slot] - 1;
            if (index < 0)
            {
                return -1;
            }

            ref var entry = ref _entries[index];
            if (entry.Hash == hash && entry.Length == key.Length && entry.First == first && entry.Last == last
                && (key.Length <= InlineBytes || key[8..^8].SequenceEqual(_keyBytes.AsSpan(entry.KeyStart, key.Length - InlineBytes))))
            {
                return index;
            }
        }
    }

    /// <summary>The key of the entry at <paramref name="index"/>.</summary>
    public string KeyAt(int index) => _entries[index].Key;

    /// <summary>The value of the entry at <paramref name="index"/>, which may be replaced.</summary>
    public ref T ValueAt(int index) => ref _entries[index].Value;

    /// <summary>Adds <paramref name="key"/> (the ASCII string of <paramref name="bytes"/>, which must not be present yet); returns its index.</summary>
    public int Add(ReadOnlySpan<byte> bytes, string key, T value)
    {
        Parts(bytes, out _, out var hash);
        return Add(bytes, key, value, hash);
    }

    /// <summary>Adds <paramref name="key"/> whose hash <see cref="Find(ReadOnlySpan{byte}, out uint)"/> gave; returns its index.</summary>
    public int Add(ReadOnlySpan<byte> bytes, string key, T value, uint hash)
    {
        if (_count * 2 >= _slots.Length)
        {
            Grow();
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        // Only the middle of a key longer than the two words the entry holds is kept aside.
        var middle = bytes.Length > InlineBytes ? bytes[8..^8] : [];
        if (_keyBytesUsed + middle.Length > _keyBytes.Length)
        {
            Array.Resize(ref _keyBytes, Math.Max(_keyBytes.Length * 2, _keyBytesUsed + middle.Length));
        }

        middle.CopyTo(_keyBytes.AsSpan(_keyBytesUsed));
        var first = Parts(bytes, out var last, out _);
        var slot = FreeSlot(_slots, hash);
        _entries[_count] = new Entry(key, value, first, last, hash, slot, _keyBytesUsed, bytes.Length);
        _keyBytesUsed += middle.Length;
        _slots[slot] = ++_count;
        return _count - 1;
    }

    /// <summary>Forgets every entry, keeping the capacity.</summary>
    public void Clear()
    {
        for (var i = 0; i < _count; i++)
        {
            _slots[_entries[i].Slot] = 0;
        }

        Array.Clear(_entries, 0, _count);
        _count = 0;
        _keyBytesUsed = 0;
    }

    /// <summary>
    /// The key's first and last eight bytes (a key of under eight bytes packed whole into the first, the last zero),
    /// which with its length are the whole of a key of up to <see cref="InlineBytes"/> bytes, and a hash of them, the
    /// middle eight bytes and the length (ASCII keys differ there in practice).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Parts(ReadOnlySpan<byte> key, out ulong last, out uint hash)
    {
        ulong first;
        ulong mixed;
        if (key.Length >= 8)
        {
            first = BinaryPrimitives.ReadUInt64LittleEndian(key);
            last = BinaryPrimitives.ReadUInt64LittleEndian(key[(key.Length - 8)..]);
            mixed = first ^ BitOperations.RotateLeft(last, 21)
                ^ BitOperations.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(key[((key.Length - 8) / 2)..]), 42);
        }
        else
        {
            first = 0;
            foreach (var b in key)
            {
                first = (first << 8) | b;
            }

            last = 0;
            mixed = first;
        }

        mixed = (mixed ^ (ulong)key.Length) * 0x9E3779B97F4A7C15UL;
        hash = (uint)(mixed >> 32) ^ (uint)mixed;
        return first;
    }

    private static int FreeSlot(int[] slots, uint hash)
    {
        var mask = slots.Length - 1;
        var slot = (int)hash & mask;
        while (slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            ref var entry = ref _entries[i];
            entry.Slot = FreeSlot(slots, entry.Hash);
            slots[entry.Slot] = i + 1;
        }

        _slots = slots;
    }

    private struct Entry(string key, T value, ulong first, ulong last, uint hash, int slot, int keyStart, int length)
    {
        public readonly string Key = key;
        public T Value = value;
        public readonly ulong First = first;
        public readonly ulong Last = last;
        public readonly uint Hash = hash;
        public int Slot = slot;
        public readonly int KeyStart = keyStart;
        public readonly int Length = length;
    }
}
