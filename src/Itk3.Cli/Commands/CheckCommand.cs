using System.CommandLine;
using System.Text.Json;
using Itk3.Fhir.Profiles;
using Itk3.Fhir.Profiles.Validation;
using Itk3.Fhir.Serialization;
using ParseResult = System.CommandLine.ParseResult;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 check</c>: parses FHIR files and prints every issue with its location.</summary>
internal static class CheckCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var inputs = new Argument<FileInfo[]>("files")
        {
            Description = "Resources to check (XML or JSON). Omit them or use - to read standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (path (line:col) code message) or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var from = FhirOptions.From();
        var reading = FhirOptions.ReadingOptions();
        var profile = ProfileOptions.Profile();
        var package = ProfileOptions.Package();
        var command = new Command("check", "Parse FHIR STU3 resources and report every problem with its location; with --package or\n" +
            "--profile, also validate them against STU3 profiles (see docs/profiles.md).\n" +
            "Exits 1 when any file has errors, 2 when a file, profile or package cannot be read.\n\n" +
            "Examples:\n  itk3 check message.xml\n  itk3 check --lenient --format json *.xml\n  itk3 check --lenient --drop-unknown --max-issues 50 old-dstu2.xml\n" +
            "  itk3 check --package ../stu3-fhir-assets/StructureDefinitions --package ../stu3-fhir-assets/ValueSets \\\n" +
            "    --profile https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Document-Bundle-1 discharge.xml")
        {
            inputs, format, from, reading.Lenient, reading.MaxSize, reading.MaxIssues, reading.DropUnknown, profile, package,
        };
        command.SetAction(result => Run(
            result,
            result.GetValue(inputs) ?? [],
            result.GetValue(format) == "json",
            result.GetValue(from),
            FhirOptions.ToParseOptions(result, reading),
            (result.GetValue(profile) ?? [], result.GetValue(package) ?? [])));
        return command;
    }

    private static int Run(ParseResult result, FileInfo[] files, bool json, FhirFormat? from, ParseOptions options, (string[] Profiles, string[] Packages) profiling)
    {
        var stdout = result.InvocationConfiguration.Output;
        var stderr = result.InvocationConfiguration.Error;
        var (validator, profiles, failed) = ProfileOptions.Create(profiling.Profiles, profiling.Packages, stderr);
        if (failed)
        {
            return ExitCodes.UsageOrIo;
        }

        var check = validator is null ? null : new ProfileCheck(validator, profiles);
        var exitCode = ExitCodes.Ok;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var file in files.Length == 0 ? [null] : files.Cast<FileInfo?>())
            {
                exitCode = Math.Max(exitCode, CheckOne(file, json ? writer : null, stdout, stderr, from, options, check));
            }

            writer.WriteEndArray();
        }

        if (json)
        {
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return exitCode;
    }

    private static int CheckOne(FileInfo? file, Utf8JsonWriter? json, TextWriter stdout, TextWriter stderr, FhirFormat? from, ParseOptions options, ProfileCheck? check)
    {
        var name = CommandInput.NameOf(file);
        var content = CommandInput.ReadAll(file, stderr, options.MaxBytes);
        var format = content is null ? null : FhirOptions.ResolveFormat(from, content, name, stderr);
        if (content is null || format is null)
        {
            return ExitCodes.UsageOrIo;
        }

        var parsed = FhirSerializer.Parse(content, format.Value, options);
        IReadOnlyList<ProfileIssue> profileIssues = check is null || parsed.Root is null ? [] : check.Validator.Validate(parsed.Root, check.Profiles).Issues;
        if (json is null)
        {
            IssuePrinter.WriteText(stdout, name, parsed.Issues, profileIssues);
        }
        else
        {
            IssuePrinter.WriteJson(json, name, parsed.Issues, profileIssues);
        }

        return parsed.Success && !profileIssues.Any(issue => issue.IsError) ? ExitCodes.Ok : ExitCodes.ContentErrors;
    }

    private sealed record ProfileCheck(ProfileValidator Validator, IReadOnlyList<string> Profiles);
}
