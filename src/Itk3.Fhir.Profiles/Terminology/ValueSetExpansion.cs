namespace Itk3.Fhir.Profiles.Terminology;

/// <summary>
/// The codes of a value set as far as they could be expanded. Systems whose codes could not be enumerated (SNOMED CT
/// filters, code systems not loaded) are "open": membership of their codes is <see cref="Membership.NotChecked"/>.
/// </summary>
public sealed class ValueSetExpansion
{
    private readonly HashSet<(string System, string Code)> _codes;
    private readonly HashSet<string> _codesAnySystem;
    private readonly HashSet<string> _openSystems;

    /// <summary>Creates an expansion.</summary>
    public ValueSetExpansion(IEnumerable<(string System, string Code)> codes, IEnumerable<string> openSystems, string? notExpandedReason)
    {
        _codes = [.. codes];
        _codesAnySystem = [.. _codes.Select(c => c.Code)];
        _openSystems = new HashSet<string>(openSystems, StringComparer.Ordinal);
        NotExpandedReason = notExpandedReason;
    }

    /// <summary>Why part of the value set could not be expanded, or null when it was expanded fully.</summary>
    public string? NotExpandedReason { get; }

    /// <summary>The codes enumerated.</summary>
    public IReadOnlyCollection<(string System, string Code)> Codes => _codes;

    /// <summary>The systems whose codes could not be enumerated (<c>*</c>: any system).</summary>
    public IReadOnlyCollection<string> OpenSystems => _openSystems;

    /// <summary>Whether a code (with its system, or null for a plain <c>code</c> element) is in the value set.</summary>
    public Membership Contains(string? system, string code)
    {
        if (system is null)
        {
            return _codesAnySystem.Contains(code) ? Membership.Member : Unknown();
        }

        if (_codes.Contains((system, code)))
        {
            return Membership.Member;
        }

        return _openSystems.Contains(system) || _openSystems.Contains("*") ? Membership.NotChecked : Membership.NotMember;
    }

    private Membership Unknown() => _openSystems.Count > 0 ? Membership.NotChecked : Membership.NotMember;
}
