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
        var command = new Command("respond", "Validate a received ITK3 message and write the responses a receiver sends, in order, following the\n" +
            "handling flags (§10: Full Acknowledgement, Technical and Business, Technical only, Fire and Forget) and the\n" +
            "profile's response policy. A negative response ends processing; nothing is written when no response is due.\n\n" +
            "Examples:\n  itk3 respond in.xml --responder-ods A81001 --mailbox GPBOX01\n  itk3 respond in.xml --responder-ods A81001 -m GPBOX01 -b 30001 -o out/")
        {
            input, profile, ods, sds, mailbox, business, outputDir, to,
        };
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            var responder = ItkOptions.Participant(result.GetValue(ods), result.GetValue(sds), "responder", error);
            var settings = ItkOptions.LoadProfile(result.GetValue(profile), error);
            if (responder is null || settings is null || !TryBusiness(result.GetValue(business), error, out var outcome))
            {
                return ExitCodes.UsageOrIo;
            }

            var content = CommandInput.ReadAll(result.GetValue(input), error);
            return content is null ? ExitCodes.UsageOrIo
                : Run(result, content, settings, new Responder(responder, result.GetValue(mailbox)!), outcome, result.GetValue(outputDir)!, result.GetValue(to));
        });
        return command;
    }

    private static bool TryBusiness(string? code, TextWriter error, out ResponseCode? outcome)
    {
        outcome = null;
        if (code is null)
        {
            return true;
        }

        if (ResponseCodes.TryGet(code, out var known) && known.Level == ResponseLevel.Business)
        {
            outcome = known;
            return true;
        }

        error.WriteLine($"error: {code} is not a business response code (30001-30025).");
        return false;
    }

    private static int Run(ParseResult result, byte[] content, ReceiverProfile profile, Responder responder, ResponseCode? outcome, DirectoryInfo folder, FhirFormat to)
    {
        var output = result.InvocationConfiguration.Output;
        var validation = new MessageValidator(profile).Validate(content);
        var plan = new ResponsePlanner(profile.Responses).Plan(validation, outcome);
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
