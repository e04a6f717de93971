using System.Buffers;
using System.Collections.Frozen;
using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Primitives;

/// <summary>
/// Checks primitive values against the STU3 lexical forms, generated from the official <c>fhir-single.xsd</c> into the
/// schema (<see cref="IFhirSchema.LexicalRules"/>): patterns, length facets and XSD base types.
/// </summary>
public static class PrimitiveLexicon
{
    // C0 controls other than tab, LF and CR, the non-characters U+FFFE and U+FFFF, and surrogates (checked for pairing):
    // none can be written in XML 1.0, so no FHIR value may hold them in either format.
    private static readonly SearchValues<char> Suspect = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c),
         .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    private static readonly Lazy<FrozenDictionary<string, LexicalCheck>> Checks = new(() =>
        Stu3Schema.Instance.LexicalRules.Values.ToFrozenDictionary(rule => rule.Name, rule => new LexicalCheck(rule), StringComparer.Ordinal));

    /// <summary>True when <paramref name="value"/> is a valid lexical form of the primitive type <paramref name="typeName"/>.</summary>
    public static bool IsValid(string typeName, string value) => IsValid(typeName, value.AsSpan());

    /// <summary>As <see cref="IsValid(string, string)"/> for a value held in characters that are not a string.</summary>
    internal static bool IsValid(string typeName, ReadOnlySpan<char> value) => !HasControlCharacters(value) && IsValidControlFree(typeName, value);

    /// <summary>
    /// As <see cref="IsValid(string, string)"/> for a value known to hold nothing <see cref="HasControlCharacters"/> looks
    /// for (an unescaped ASCII JSON string, whose bytes are all 0x20 to 0x7F).
    /// </summary>
    internal static bool IsValidControlFree(string typeName, ReadOnlySpan<char> value) => IsValidControlFree(CheckFor(typeName), value);

    /// <summary>The check of a primitive type's lexical form (null: any text), for callers that check many values of one type.</summary>
    internal static LexicalCheck? CheckFor(string typeName) => Checks.Value.GetValueOrDefault(typeName);

    /// <summary>As <see cref="IsValid(string, string)"/> with the type's check found once by <see cref="CheckFor"/>.</summary>
    internal static bool IsValid(LexicalCheck? check, ReadOnlySpan<char> value) => !HasControlCharacters(value) && IsValidControlFree(check, value);

    /// <summary>As <see cref="IsValidControlFree(string, ReadOnlySpan{char})"/> with the type's check found once by <see cref="CheckFor"/>.</summary>
    internal static bool IsValidControlFree(LexicalCheck? check, ReadOnlySpan<char> value) => check is null || check.IsValid(value);

    /// <summary>
    /// True when the text holds a character no FHIR value may hold because XML 1.0 cannot carry it: a control character
    /// other than tab, line feed and carriage return, U+FFFE, U+FFFF or an unpaired surrogate.
    /// </summary>
    public static bool HasControlCharacters(ReadOnlySpan<char> value)
    {
        int index;
        while ((index = value.IndexOfAny(Suspect)) >= 0)
        {
            var c = value[index];
            if (!char.IsHighSurrogate(c) || index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1]))
            {
                return true;
            }

            value = value[(index + 2)..];
        }

        return false;
    }
}
