namespace Itk3.Fhir.Profiles.Terminology;

/// <summary>Whether a code is in a value set: yes, no, or not known because the value set could not be expanded.</summary>
public enum Membership
{
    /// <summary>The code is in the value set.</summary>
    Member,

    /// <summary>The code is not in the (fully expanded) value set.</summary>
    NotMember,

    /// <summary>The value set, or the part that would hold the code, could not be expanded: not checked.</summary>
    NotChecked,
}
