namespace Itk3.Messaging.Codes;

/// <summary>
/// The response codes one ITK3 programme version defines: 2.10 (ITK-ResponseCodes-1 v1.5.0, up to 30025) or 2.9
/// (v1.4.0: 10001-20015 and 30001-30004). A receiver neither emits nor accepts a code outside its set.
/// </summary>
public sealed class ResponseCodeSet
{
    /// <summary>The programme versions with a code set.</summary>
    public static IReadOnlyList<string> Programmes { get; } = ["2.9", "2.10"];

    private readonly string _lastBusinessCode;

    private ResponseCodeSet(string programme, string lastBusinessCode)
    {
        Programme = programme;
        _lastBusinessCode = lastBusinessCode;
    }

    /// <summary>ITK3 2.10.0-live (ITK-ResponseCodes-1 v1.5.0).</summary>
    public static ResponseCodeSet Version2_10 { get; } = new("2.10", "30025");

    /// <summary>ITK3 2.9.0-live (ITK-ResponseCodes-1 v1.4.0).</summary>
    public static ResponseCodeSet Version2_9 { get; } = new("2.9", "30004");

    /// <summary>The programme version, e.g. <c>2.10</c>.</summary>
    public string Programme { get; }

    /// <summary>The set of a programme version; false for an unknown version.</summary>
    public static bool TryFor(string? programme, out ResponseCodeSet set)
    {
        set = programme switch
        {
            "2.9" or "2.9.0" => Version2_9,
            "2.10" or "2.10.0" => Version2_10,
            _ => null!,
        };
        return set is not null;
    }

    /// <summary>True when the code is defined (and not withdrawn) in this programme version.</summary>
    public bool Contains(string? code) =>
        ResponseCodes.TryGet(code, out var known) && !known.IsWithdrawn
        && (known.Level != ResponseLevel.Business || string.CompareOrdinal(known.Code, _lastBusinessCode) <= 0);

    /// <summary>Every emittable code of this version in numeric order.</summary>
    public IReadOnlyList<ResponseCode> Codes => [.. ResponseCodes.All.Where(c => Contains(c.Code))];
}
