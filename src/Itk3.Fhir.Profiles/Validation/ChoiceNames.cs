using Itk3.Fhir.Schema;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>Recognises the wire names of a choice element: the base name followed by a FHIR type name (<c>valueQuantity</c>).</summary>
internal static class ChoiceNames
{
    /// <summary>
    /// True when <paramref name="wireName"/> is <paramref name="baseName"/> plus a STU3 type name, so that
    /// <c>implementationGuide</c> is not taken for a typed <c>implementation</c>.
    /// </summary>
    public static bool IsTypedName(string wireName, string baseName)
    {
        if (wireName.Length <= baseName.Length || !wireName.StartsWith(baseName, StringComparison.Ordinal) || !char.IsUpper(wireName[baseName.Length]))
        {
            return false;
        }

        var suffix = wireName[baseName.Length..];
        var schema = Stu3Schema.Instance;
        return schema.FindType(suffix) is not null || schema.FindType(char.ToLowerInvariant(suffix[0]) + suffix[1..]) is not null;
    }
}
