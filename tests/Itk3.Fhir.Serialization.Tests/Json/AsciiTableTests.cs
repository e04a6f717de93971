using System.Text;
using Itk3.Fhir.Serialization.Json;

namespace Itk3.Fhir.Serialization.Tests.Json;

/// <summary>
/// The reader's name and value table against a dictionary: keys that differ in one byte at any position, in length
/// only, or only in the middle that the entry does not hold, must never be taken for one another.
/// </summary>
public sealed class AsciiTableTests
{
    [Fact]
    public void Finds_every_key_added_and_no_other_across_near_misses_and_clears()
    {
        var table = new AsciiTable<int>();
        for (var round = 0; round < 3; round++)
        {
            var keys = NearMisses(seed: 20261203 + round).ToList();
            var added = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var key in keys.Where((_, i) => i % 2 == 0))
            {
                var bytes = Encoding.ASCII.GetBytes(key);
                if (added.ContainsKey(key))
                {
                    continue;
                }

                Assert.Equal(-1, table.Find(bytes, out var hash));
                added[key] = table.Add(bytes, key, key.Length, hash);
            }

            foreach (var key in keys)
            {
                var found = table.Find(Encoding.ASCII.GetBytes(key));
                Assert.Equal(added.TryGetValue(key, out var index) ? index : -1, found);
                if (found >= 0)
                {
                    Assert.Equal(key, table.KeyAt(found));
                    Assert.Equal(key.Length, table.ValueAt(found));
                }
            }

            table.Clear();
            Assert.Equal(0, table.Count);
            Assert.All(added.Keys, key => Assert.Equal(-1, table.Find(Encoding.ASCII.GetBytes(key))));
        }
    }

    /// <summary>Random keys of 0 to 40 bytes, each followed by copies changed at one position or one byte shorter.</summary>
    private static IEnumerable<string> NearMisses(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 600; i++)
        {
            var key = new string(Enumerable.Range(0, random.Next(0, 41)).Select(_ => (char)random.Next(0x20, 0x7F)).ToArray());
            yield return key;
            for (var position = 0; position < key.Length; position++)
            {
                var changed = key.ToCharArray();
                changed[position] = changed[position] == 'a' ? 'b' : 'a';
                yield return new string(changed);
            }

            if (key.Length > 0)
            {
                yield return key[..^1];
                yield return "\u0001" + key[1..];
            }
        }
    }
}
