namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// A growing character buffer for text that is patient data: unlike a <see cref="System.Text.StringBuilder"/>, it can
/// be wiped, so that one kept between parses holds nothing of the last document.
/// </summary>
internal sealed class CharBuilder
{
    private char[] _chars = new char[1024];
    private int _length;
    private int _used;

    /// <summary>The characters held.</summary>
    public int Length => _length;

    /// <summary>The buffer's size, which it keeps when cleared.</summary>
    public int Capacity => _chars.Length;

    /// <summary>Empties the buffer (the characters stay until <see cref="Wipe"/>).</summary>
    public void Clear()
    {
        _used = Math.Max(_used, _length);
        _length = 0;
    }

    /// <summary>Empties the buffer and zeroes every character it ever held.</summary>
    public void Wipe()
    {
        Array.Clear(_chars, 0, Math.Max(_used, _length));
        _used = 0;
        _length = 0;
    }

    /// <summary>Appends one character.</summary>
    public CharBuilder Append(char value)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = value;
        return this;
    }

    /// <summary>Appends characters.</summary>
    public CharBuilder Append(ReadOnlySpan<char> value)
    {
        if (value.Length > _chars.Length - _length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_chars.AsSpan(_length));
        _length += value.Length;
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => new(_chars, 0, _length);

    private void Grow(int needed)
    {
        var size = Math.Max(_chars.Length * 2, _length + needed);
        var larger = new char[size];
        _chars.AsSpan(0, _length).CopyTo(larger);
        Array.Clear(_chars, 0, Math.Max(_used, _length));
        _chars = larger;
        _used = 0;
    }
}
