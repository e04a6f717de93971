using System.CommandLine;
using System.Text.Json;
using Itk3.Fhir.Serialization;
using ParseResult = System.CommandLine.ParseResult;
using Itk3.Messaging.Validation;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 validate</c>: validates a received ITK3 message as a receiver would and prints the ITK code it earns.</summary>
internal static class ValidateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var input = new Argument<FileInfo?>("file") { Description = "The received message (XML or JSON); omit or use - for standard input.", Arity = ArgumentArity.ZeroOrOne };
        var profile = ItkOptions.Profile();
        var format = new Option<string>("--format") { Description = "Output: text (code location (line:col) message) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var from = FhirOptions.From();
        var all = new Option<bool>("--all") { Description = "Run every rule and list all findings (the code is still the first failing rule's)." };
        var state = StateDirectory.Option();
        var command = new Command("validate", "Validate a received ITK3 message as a receiver, following the ITK3 rules in order (10009 unreadable,\n" +
            "20006 header, 10001-10010 handling keys, 20007/20008 duplicates, sender and recipient, 20015 size, 20009 payload,\n" +
            "attachments, replacement). Prints the ITK response code the message earns (20013 when accepted) and every\n" +
            "finding with its location. Exits 0 when accepted, 1 when rejected, 2 on usage errors.\n\n" +
            "Examples:\n  itk3 validate discharge.xml\n  itk3 validate --profile receiver.json --format json discharge.xml\n" +
            "  itk3 validate --state ./receiver-state first.xml && itk3 validate --state ./receiver-state resent.xml")
        {
            input, profile, format, from, all, state,
        };
        command.SetAction(result => Run(result, result.GetValue(input), result.GetValue(profile), result.GetValue(format) == "json", result.GetValue(from), result.GetValue(all), result.GetValue(state)));
        return command;
    }

    private static int Run(ParseResult result, FileInfo? file, FileInfo? profileFile, bool json, FhirFormat? from, bool all, DirectoryInfo? state)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        var profile = ItkOptions.LoadProfile(profileFile, error);
        var history = state is null ? new MessageHistory() : StateDirectory.Load(state, error);
        var content = profile is null || history is null ? null : CommandInput.ReadAll(file, error);
        if (profile is null || history is null || content is null)
        {
            return ExitCodes.UsageOrIo;
        }

        var validation = new MessageValidator(profile, history, reportAll: all).Validate(content, from);
        history.Record(validation);
        if (state is not null && !StateDirectory.Save(state, history, error))
        {
            return ExitCodes.UsageOrIo;
        }

        if (json)
        {
            output.WriteLine(ToJson(CommandInput.NameOf(file), validation));
        }
        else
        {
            output.WriteLine($"{validation.Outcome.Code} {validation.Outcome.Display}");
            foreach (var finding in validation.Findings)
            {
                output.WriteLine($"  {finding}");
            }
        }

        return validation.IsAccepted ? ExitCodes.Ok : ExitCodes.ContentErrors;
    }

    private static string ToJson(string name, ValidationResult validation)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("input", name);
            writer.WriteString("code", validation.Outcome.Code);
            writer.WriteString("display", validation.Outcome.Display);
            writer.WriteBoolean("accepted", validation.IsAccepted);
            writer.WriteString("respondsTo", validation.RespondsTo);
            writer.WriteStartArray("findings");
            foreach (var finding in validation.Findings)
            {
                writer.WriteStartObject();
                writer.WriteString("code", finding.Code.Code);
                writer.WriteString("location", finding.Location);
                writer.WriteNumber("line", finding.Position.Line);
                writer.WriteNumber("column", finding.Position.Column);
                writer.WriteString("message", finding.Diagnostics);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
