namespace Itk3.Messaging.Business;

/// <summary>A patient's standing at the receiving organisation, as a patient register records it.</summary>
public enum PatientStatus
{
    /// <summary>Not known here (or not in the register).</summary>
    NotKnown,

    /// <summary>Registered here.</summary>
    Registered,

    /// <summary>Left this clinical setting (deducted, moved away).</summary>
    Left,

    /// <summary>Deceased, with the date of death (or of the deduction for death) when known.</summary>
    Deceased,
}
