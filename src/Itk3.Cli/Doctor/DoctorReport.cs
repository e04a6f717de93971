namespace Itk3.Cli.Doctor;

/// <summary>The findings of <c>itk3 mesh doctor</c>, printed as they come: one line per check with a stable code and what to do.</summary>
internal sealed class DoctorReport(TextWriter output)
{
    /// <summary>Whether any check failed.</summary>
    public bool Failed { get; private set; }

    /// <summary>The codes of the failed and warned checks, in order.</summary>
    public List<string> Codes { get; } = [];

    public void Ok(string check, string detail) => output.WriteLine($"  ok    {check,-12} {detail}");

    public void Warn(string code, string check, string detail)
    {
        Codes.Add(code);
        output.WriteLine($"  warn  {check,-12} {code} {detail}");
    }

    public void Fail(string code, string check, string detail)
    {
        Failed = true;
        Codes.Add(code);
        output.WriteLine($"  FAIL  {check,-12} {code} {detail}");
    }

    public void Skip(string check, string reason) => output.WriteLine($"  -     {check,-12} skipped: {reason}");
}
