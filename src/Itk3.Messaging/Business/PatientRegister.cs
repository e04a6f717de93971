using System.Globalization;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Business;

/// <summary>
/// The patients a receiving organisation knows, and the business response each earns (ITK3 §8.3, R32):
/// registered → 30001; not known, not in the register, or no valid NHS number → 30002; left → 30003; deceased within six
/// months of the date of death → 30004; deceased longer ago, or on an unknown date → 30003.
/// </summary>
public sealed class PatientRegister
{
    private readonly Dictionary<string, PatientRecord> _records;

    /// <summary>A register of the given records (the last row of an NHS number wins).</summary>
    public PatientRegister(IEnumerable<PatientRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        _records = new Dictionary<string, PatientRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            _records[NhsNumber.Normalize(record.NhsNumber)] = record;
        }
    }

    /// <summary>The records, in no particular order.</summary>
    public IReadOnlyCollection<PatientRecord> Records => _records.Values;

    /// <summary>The record of an NHS number, or null.</summary>
    public PatientRecord? Find(string? nhsNumber) => nhsNumber is not null && _records.TryGetValue(NhsNumber.Normalize(nhsNumber), out var record) ? record : null;

    /// <summary>The business code for the patient of a received message, judged on <paramref name="today"/>.</summary>
    public ResponseCode Decide(ItkMessage? message, DateOnly today) => Decide(PayloadPatient.NhsNumberOf(message), today);

    /// <summary>The business code for an NHS number, judged on <paramref name="today"/>.</summary>
    public ResponseCode Decide(string? nhsNumber, DateOnly today)
    {
        var record = NhsNumber.IsValid(nhsNumber) ? Find(nhsNumber) : null;
        var code = record?.Status switch
        {
            PatientStatus.Registered => "30001",
            PatientStatus.Left => "30003",
            PatientStatus.Deceased when record.Date is { } died && died >= today.AddMonths(-6) => "30004",
            PatientStatus.Deceased => "30003",
            _ => "30002",
        };
        return ResponseCodes.Get(code);
    }

    /// <summary>
    /// Reads a register from CSV text: <c>nhs_number,status[,date]</c> per line, status <c>registered</c>, <c>left</c>,
    /// <c>deceased</c> or <c>not-known</c>, date <c>yyyy-MM-dd</c>; <c>#</c> comments, blank lines and a header line are skipped.
    /// </summary>
    /// <exception cref="FormatException">A line is malformed; the message names the line number (never the NHS number).</exception>
    public static PatientRegister Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<PatientRecord>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("nhs_number", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            records.Add(ParseLine(line, lineNumber));
        }

        return new PatientRegister(records);
    }

    private static PatientRecord ParseLine(string line, int lineNumber)
    {
        var parts = line.Split(',').Select(p => p.Trim()).ToArray();
        if (parts.Length is < 2 or > 3 || !NhsNumber.IsValid(parts[0]))
        {
            throw new FormatException($"line {lineNumber}: expected 'nhs_number,status[,date]' with a valid NHS number.");
        }

        var status = parts[1].ToLowerInvariant() switch
        {
            "registered" => PatientStatus.Registered,
            "left" => PatientStatus.Left,
            "deceased" => PatientStatus.Deceased,
            "not-known" or "notknown" or "unknown" => PatientStatus.NotKnown,
            _ => throw new FormatException($"line {lineNumber}: status must be registered, left, deceased or not-known."),
        };
        DateOnly? date = null;
        if (parts.Length == 3 && parts[2].Length > 0)
        {
            date = DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new FormatException($"line {lineNumber}: the date must be yyyy-MM-dd.");
        }

        return new PatientRecord(NhsNumber.Normalize(parts[0]), status, date);
    }
}
