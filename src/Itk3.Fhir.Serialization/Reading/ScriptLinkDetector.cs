namespace Itk3.Fhir.Serialization.Reading;

/// <summary>
/// Watches the decoded characters of an attribute value for the <c>javascript:</c> prefix that
/// <see cref="NarrativeChecker"/> forbids (after leading whitespace, ignoring case).
/// </summary>
internal struct ScriptLinkDetector
{
    private const string Prefix = "javascript:";
    private int _matched;
    private bool _started;
    private bool _done;

    /// <summary>True once the value is known not to start with the prefix: later characters cannot change the answer.</summary>
    public readonly bool IsDecided => _done;

    /// <summary>Takes the next decoded character; false when the value is (or, with non-ASCII text, may be) a script link.</summary>
    public bool Accept(char c)
    {
        if (_done)
        {
            return true;
        }

        if (c >= 0x80)
        {
            // Non-ASCII whitespace and case folding are left to the XmlReader path.
            return false;
        }

        if (!_started)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f')
            {
                return true;
            }

            _started = true;
        }

        var lower = char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c;
        if (lower != Prefix[_matched])
        {
            _done = true;
            return true;
        }

        return ++_matched < Prefix.Length;
    }
}
