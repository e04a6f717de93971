using Itk3.Messaging.Business;

namespace Itk3.Cli.Partner;

/// <summary>The partner's built-in patient register (synthetic NHS numbers, valid Modulus 11), used when no <c>--patients</c> file is given.</summary>
internal static class PartnerPatients
{
    /// <summary>Registered here: 30001.</summary>
    public const string Registered = "9990000018";

    /// <summary>Not known here: 30002.</summary>
    public const string NotKnown = "9990000026";

    /// <summary>Left this practice: 30003.</summary>
    public const string Left = "9990000034";

    /// <summary>Died a month ago: 30004.</summary>
    public const string RecentlyDeceased = "9990000042";

    /// <summary>Died a year ago: 30003.</summary>
    public const string DeceasedLongAgo = "9990000050";

    /// <summary>Another registered patient (the suite's second patient).</summary>
    public const string OtherRegistered = "9990000069";

    /// <summary>The register, with the dates of death relative to <paramref name="today"/>.</summary>
    public static PatientRegister Default(DateOnly today) => new(
    [
        new PatientRecord(Registered, PatientStatus.Registered),
        new PatientRecord(NotKnown, PatientStatus.NotKnown),
        new PatientRecord(Left, PatientStatus.Left),
        new PatientRecord(RecentlyDeceased, PatientStatus.Deceased, today.AddMonths(-1)),
        new PatientRecord(DeceasedLongAgo, PatientStatus.Deceased, today.AddYears(-1)),
        new PatientRecord(OtherRegistered, PatientStatus.Registered),
    ]);
}
