using System.Xml;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// A name table that counts the names it holds, so that one kept between parses can be dropped once a document has
/// filled it with too many distinct names. Looking a name up first costs nothing extra: adding does the same lookup.
/// </summary>
internal sealed class CountingNameTable : NameTable
{
    /// <summary>The number of distinct names added.</summary>
    public int Count { get; private set; }

    /// <inheritdoc />
    public override string Add(string key) => Get(key) ?? AddNew(key);

    /// <inheritdoc />
    public override string Add(char[] key, int start, int len) => Get(key, start, len) ?? AddNew(key, start, len);

    private string AddNew(string key)
    {
        Count++;
        return base.Add(key);
    }

    private string AddNew(char[] key, int start, int len)
    {
        Count++;
        return base.Add(key, start, len);
    }
}
