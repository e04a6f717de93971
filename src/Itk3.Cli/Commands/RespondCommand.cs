using System.CommandLine;
using Itk3.Fhir.Serialization;
using ParseResult = System.CommandLine.ParseResult;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Responses;
using Itk3.Messaging.Validation;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 respond</c>: validates a received message and writes the ITK3 Responses a receiver sends, in order.</summary>
internal static class RespondCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var input = new Argument<FileInfo?>("file") { Description = "The received message (XML or JSON); omit or use - for standard input.", Arity = ArgumentArity.ZeroOrOne };
        var profile = ItkOptions.Profile();
        var ods = new Option<string?>("--responder-ods") { Description = "ODS code of the responding organisation." };
        var sds = new Option<string?>("--responder-sds") { Description = "SDS user id of the responding practitioner (instead of --responder-ods)." };
        var mailbox = new Option<string>("--mailbox", "-m") { Description = "The responder's MESH mailbox id (source.endpoint).", Required = true };
        var business = new Option<string?>("--business-outcome", "-b") { Description = "The business outcome (3xxxx, e.g. 30001) when known; a business response is sent only if requested." };
        var outputDir = new Option<DirectoryInfo>("--output-dir", "-o") { Description = "Folder for the responses (NN-CODE.xml|json).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var to = ItkOptions.To();
        var state = StateDirectory.Option();
        var patients = ItkOptions.Patients();
        var command = new Command("respond", "Validate a received ITK3 message and write the responses a receiver sends, in order, following the\n" +
            "handling flags (§10: Full Acknowledgement, Technical and Business, Technical only, Fire and Forget) and the\n" +
            "profile's response policy. A negative response ends processing; nothing is written when no response is due.\n\n" +
            "With --patients the business outcome comes from a patient register (see docs/partner.md); --business-outcome wins.\n\n" +
            "Examples:\n  itk3 respond in.xml --responder-ods A81001 --mailbox GPBOX01\n  itk3 respond in.xml --responder-ods A81001 -m GPBOX01 -b 30001 -o out/\n" +
            "  itk3 respond in.xml --responder-ods A81001 -m GPBOX01 --patients patients.csv --state ./gp-state -o out/")
        {
            input, profile, ods, sds, mailbox, business, outputDir, to, state, patients,
        };
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            var responder = ItkOptions.Participant(result.GetValue(ods), result.GetValue(sds), "responder", error);
            var settings = ItkOptions.LoadProfile(result.GetValue(profile), error);
            if (responder is null || settings is null || !TryBusiness(result.GetValue(business), settings, error, out var outcome))
            {
                return ExitCodes.UsageOrIo;
            }

            var register = result.GetValue(patients) is { } patientFile ? ItkOptions.LoadPatients(patientFile, error) : null;
            var folder = result.GetValue(state);
            var history = folder is null ? new MessageHistory() : StateDirectory.Load(folder, error);
            var content = history is null || (register is null && result.GetValue(patients) is not null) ? null : CommandInput.ReadAll(result.GetValue(input), error);
            if (content is null)
            {
                return ExitCodes.UsageOrIo;
            }

            var validation = new MessageValidator(settings, history).Validate(content);
            history!.Record(validation);
            if (folder is not null && !StateDirectory.Save(folder, history, error))
            {
                return ExitCodes.UsageOrIo;
            }

            outcome ??= validation.IsAccepted && register is not null ? register.Decide(validation.Message, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime)) : null;
            return Run(result, validation, settings, new Responder(responder, result.GetValue(mailbox)!), outcome, result.GetValue(outputDir)!, result.GetValue(to));
        });
        return command;
    }

    private static bool TryBusiness(string? code, ReceiverProfile profile, TextWriter error, out ResponseCode? outcome)
    {
        outcome = null;
        if (code is null)
        {
            return true;
        }

        if (ResponseCodes.TryGet(code, out var known) && known.Level == ResponseLevel.Business && profile.CodeSet.Contains(code))
        {
            outcome = known;
            return true;
        }

        error.WriteLine($"error: {code} is not a business response code of ITK3 {profile.CodeSet.Programme} ({profile.CodeSet.Codes.Last(c => c.Level == ResponseLevel.Business).Code} is the last).");
        return false;
    }

    private static int Run(ParseResult result, ValidationResult validation, ReceiverProfile profile, Responder responder, ResponseCode? outcome, DirectoryInfo folder, FhirFormat to)
    {
        var output = result.InvocationConfiguration.Output;
        var plan = new ResponsePlanner(profile).Plan(validation, outcome);
        var factory = new ResponseFactory(TimeProvider.System, RandomIdGenerator.Instance, responder);
        var diagnostics = validation.Findings.Count > 0 ? $"{validation.Findings[0].Location}: {validation.Findings[0].Diagnostics}" : null;
        output.WriteLine($"validation: {validation.Outcome.Code} {validation.Outcome.Display}; pattern {plan.Pattern}; {plan.Responses.Count} response(s)");
        folder.Create();
        var index = 1;
        foreach (var planned in plan.Responses)
        {
            var built = factory.CreateFor(validation.Message, planned.Code.Code, planned.Code.IsNegative ? diagnostics : null, planned.InfAckRequested);
            var path = Path.Combine(folder.FullName, $"{index++:00}-{planned.Code.Code}.{(to == FhirFormat.Xml ? "xml" : "json")}");
            var status = CommandOutput.Write(FhirSerializer.SerializeToBytes(built.Bundle, to, WriteOptions.Pretty), new FileInfo(path), output, result.InvocationConfiguration.Error);
            if (status != ExitCodes.Ok)
            {
                return status;
            }

            output.WriteLine($"{planned.Code.Code} {planned.Level} -> {path}");
        }

        if (plan.Responses.Count > 0 && validation.Message?.Header?.EventCode is { } eventCode && ItkFlows.ForEvent(eventCode) is [var flow, ..])
        {
            output.WriteLine($"send over MESH under workflow {flow.AckWorkflowId} ({flow.Name}) to mailbox {validation.Message.Header.SourceEndpoint ?? "(the sending mailbox)"}");
        }

        if (plan.AwaitingBusinessOutcome)
        {
            output.WriteLine("business response requested: run again with --business-outcome 3xxxx once the outcome is known.");
        }

        return ExitCodes.Ok;
    }
}
