using System.CommandLine;
using System.Text.Json;
using Itk3.Fhir.Serialization;
using Itk3.Messaging.Building;
using Itk3.Messaging.Validation;

namespace Itk3.Cli.Commands;

/// <summary>Options and helpers shared by the ITK3 commands (build, validate, respond).</summary>
internal static class ItkOptions
{
    /// <summary>The <c>--profile</c> option: a receiver profile JSON file.</summary>
    public static Option<FileInfo?> Profile() => new("--profile", "-p")
    {
        Description = "Receiver profile (JSON; see samples/receiver-profile.json). Omitted: a permissive profile with duplicate checks and a 5 MB limit.",
    };

    /// <summary>The <c>--to</c> option: the wire format written.</summary>
    public static Option<FhirFormat> To() => new("--to")
    {
        Description = "Format to write: xml (the ITK3 mandated format) or json.",
        DefaultValueFactory = _ => FhirFormat.Xml,
    };

    /// <summary>Loads the profile, or returns null after printing why it cannot be used.</summary>
    public static ReceiverProfile? LoadProfile(FileInfo? file, TextWriter error)
    {
        if (file is null)
        {
            return ReceiverProfile.Permissive;
        }

        try
        {
            return Gateway.Configuration.ReceiverProfileFile.Load(file.FullName);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or FormatException)
        {
            error.WriteLine($"error: cannot use profile {file.FullName}: {exception.Message}");
            return null;
        }
    }

    /// <summary>The <c>--patients</c> option: a patient register CSV file.</summary>
    public static Option<FileInfo?> Patients() => new("--patients")
    {
        Description = "Patient register (CSV: nhs_number,status[,date]; status registered|left|deceased|not-known) that decides the business response: registered 30001, not known 30002, left or deceased over six months 30003, deceased within six months 30004.",
    };

    /// <summary>Loads a patient register, or returns null after printing why it cannot be used.</summary>
    public static Messaging.Business.PatientRegister? LoadPatients(FileInfo file, TextWriter error)
    {
        try
        {
            return Messaging.Business.PatientRegister.Parse(File.ReadAllText(file.FullName));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            error.WriteLine($"error: cannot use patient register {file.FullName}: {exception.Message}");
            return null;
        }
    }

    /// <summary>A participant from an ODS code or an SDS user id (exactly one must be given); null after an error message otherwise.</summary>
    public static Participant? Participant(string? ods, string? sds, string role, TextWriter error, bool required = true)
    {
        if (ods is not null && sds is not null)
        {
            error.WriteLine($"error: give the {role} as an ODS code or an SDS user id, not both.");
            return null;
        }

        if (ods is null && sds is null && required)
        {
            error.WriteLine($"error: the {role} is required (--{role}-ods CODE or --{role}-sds ID).");
        }

        return ods is not null ? Messaging.Building.Participant.Organization(ods) : sds is not null ? Messaging.Building.Participant.Practitioner(sds) : null;
    }
}
