namespace Itk3.Messaging.Business;

/// <summary>One row of a patient register: NHS number, status and, for a deceased patient, the date of death.</summary>
public sealed record PatientRecord(string NhsNumber, PatientStatus Status, DateOnly? Date = null);
