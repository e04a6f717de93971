using System.Buffers;
using System.Numerics;
using System.Text;

namespace Itk3.Fhir.Primitives;

/// <summary>
/// The <c>xs:base64Binary</c> lexical form: base64 characters in groups of four, padding only at the end, whitespace
/// anywhere. Runs of the alphabet and of the trailing padding are found with <see cref="SearchValues{T}"/> (the BCL's
/// Vector128/Vector256/Vector512 classification of an ASCII set), and each other character is judged on its own, so a
/// 5 MB attachment costs about one vectorised pass; the UTF-16 and UTF-8 forms share one definition.
/// </summary>
internal static class Base64Form
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string PaddingOrWhitespace = "= \t\r\n";
    private static readonly SearchValues<char> AlphabetChars = SearchValues.Create(Alphabet);
    private static readonly SearchValues<byte> AlphabetBytes = SearchValues.Create(Encoding.ASCII.GetBytes(Alphabet));
    private static readonly SearchValues<char> TailChars = SearchValues.Create(PaddingOrWhitespace);
    private static readonly SearchValues<byte> TailBytes = SearchValues.Create(Encoding.ASCII.GetBytes(PaddingOrWhitespace));

    /// <summary>True when the text is a valid base64Binary lexical form.</summary>
    public static bool IsValid(string value) => IsValid(value.AsSpan());

    /// <summary>True when the text is a valid base64Binary lexical form.</summary>
    public static bool IsValid(ReadOnlySpan<char> value) => IsValid(value, AlphabetChars, TailChars, 0);

    /// <summary>
    /// True when the UTF-8 text is a valid base64Binary lexical form (any non-ASCII byte makes it invalid); its first
    /// <paramref name="alphabetRun"/> bytes, when the caller knows them to be base64 alphabet characters (found by
    /// <see cref="AlphabetRun"/>), are not read again.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<byte> utf8, int alphabetRun = 0) => IsValid(utf8, AlphabetBytes, TailBytes, alphabetRun);

    /// <summary>The number of leading bytes that are base64 alphabet characters (the whole length when all are).</summary>
    public static int AlphabetRun(ReadOnlySpan<byte> utf8)
    {
        var run = utf8.IndexOfAnyExcept(AlphabetBytes);
        return run < 0 ? utf8.Length : run;
    }

    private static bool IsValid<T>(ReadOnlySpan<T> value, SearchValues<T> alphabet, SearchValues<T> paddingOrWhitespace, int alphabetRun)
        where T : unmanaged, IEquatable<T>, IBinaryInteger<T>
    {
        // The tail after the last character that is neither padding nor whitespace: at most two '=', and whitespace.
        var last = value.LastIndexOfAnyExcept(paddingOrWhitespace);
        var padding = value[(last + 1)..].Count(T.CreateTruncating('='));

        // Before it: the alphabet and whitespace only (an '=' there would be padding in the middle). Scanned backwards,
        // so that a value a reader has just scanned forwards is read from the cache lines it left warm.
        var head = value[..(last + 1)];
        var significant = 0L;
        while (true)
        {
            // The head's first characters are alphabet when the caller said so: only the rest is searched.
            var known = Math.Min(alphabetRun, head.Length);
            var special = head[known..].LastIndexOfAnyExcept(alphabet);
            special = special < 0 ? -1 : special + known;
            significant += head.Length - special - 1;
            if (special < 0)
            {
                return padding <= 2 && (significant + padding) % 4 == 0;
            }

            if (!IsWhitespace(int.CreateTruncating(head[special])))
            {
                return false;
            }

            head = head[..special];
        }
    }

    private static bool IsWhitespace(int c) => c is ' ' or '\t' or '\r' or '\n';
}
