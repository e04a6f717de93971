using System.CommandLine;
using Itk3.Cli.Partner;
using Itk3.Messaging.Building;
using Itk3.Messaging.Responses;

namespace Itk3.Cli.Commands;

/// <summary><c>itk3 partner</c>: a conformance partner that suppliers run against their own ITK3 system over MESH (docs/partner.md).</summary>
internal static class PartnerCommand
{
    /// <summary>Creates the command group.</summary>
    public static Command Create()
    {
        var partner = new Command("partner", """
            A conformance partner for ITK3 suppliers, over MESH (our local server or a real one). See docs/partner.md.
              receive: play a receiving organisation on a mailbox and answer every message as the profile, the patient
                       register and trigger values (patient family names ITK-nnnnn, ITK-SILENT, ITK-DELAY-n) dictate.
              send:    send a scripted suite (valid messages and every defect a receiver must detect) to a supplier's
                       mailbox, check each response against the specification, write an HTML and a JSON report.
            """);
        partner.Subcommands.Add(Receive());
        partner.Subcommands.Add(Send());
        return partner;
    }

    private static Command Receive()
    {
        var connection = new MeshConnectionOptions();
        var profile = ItkOptions.Profile();
        var patients = ItkOptions.Patients();
        var ods = new Option<string>("--responder-ods") { Description = "ODS code the partner answers as.", DefaultValueFactory = _ => "X26PTN" };
        var duration = new Option<TimeSpan?>("--duration") { Description = "Stop after this long (e.g. 00:30:00); default: until Ctrl+C." };
        var once = new Option<bool>("--once") { Description = "Answer what is in the inbox now, then exit." };
        var interval = new Option<TimeSpan>("--poll-interval") { Description = "Pause between inbox polls when it is empty.", DefaultValueFactory = _ => TimeSpan.FromSeconds(1) };
        var command = new Command("receive", """
            Play a receiving organisation on a MESH mailbox: validate each message as a receiver (same rules as 'itk3 validate',
            with the node's history for duplicates and replacements) and answer it under <workflow>_ACK to the sending mailbox.
            Business responses come from the patient register (--patients; built-in test patients otherwise) unless a
            trigger value in the patient's family name forces a code, a delay or silence.
            Example:
              itk3 partner receive --url http://127.0.0.1:8700 --mailbox X26PTN01 --password password --shared-key TestKey --duration 00:10:00
            """) { profile, patients, ods, duration, once, interval };
        connection.AddTo(command);
        command.SetAction((r, ct) =>
        {
            var error = r.InvocationConfiguration.Error;
            var settings = ItkOptions.LoadProfile(r.GetValue(profile), error);
            var register = r.GetValue(patients) is { } file ? ItkOptions.LoadPatients(file, error)
                : PartnerPatients.Default(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
            if (settings is null || register is null)
            {
                return Task.FromResult(ExitCodes.UsageOrIo);
            }

            return MeshCommand.RunAsync(r, connection, async (client, output) =>
            {
                var receiver = new PartnerReceiver(client, settings, register, new Responder(Participant.Organization(r.GetValue(ods)!), connection.MailboxOf(r)), TimeProvider.System, output);
                if (r.GetValue(once))
                {
                    await receiver.PollOnceAsync(ct);
                }
                else
                {
                    await receiver.RunAsync(r.GetValue(interval), r.GetValue(duration), ct);
                }

                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }

    private static Command Send()
    {
        var connection = new MeshConnectionOptions();
        var to = new Option<string>("--to") { Description = "The supplier's MESH mailbox (the system under test).", Required = true };
        var workflow = new Option<string>("--workflow") { Description = "Payload workflow id; responses are expected on its _ACK.", DefaultValueFactory = _ => "TOC_FHIR_IP_DISCH" };
        var senderOds = new Option<string>("--sender-ods") { Description = "ODS code the partner sends as.", DefaultValueFactory = _ => "X26PTN" };
        var gpOds = new Option<string>("--gp-ods") { Description = "ODS code of the patient's GP in the documents (default: the placeholder V81999, which receivers must accept, R46).", DefaultValueFactory = _ => "V81999" };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "How long each phase waits for responses.", DefaultValueFactory = _ => TimeSpan.FromSeconds(60) };
        var quiet = new Option<TimeSpan>("--quiet-period") { Description = "How long a Fire-and-Forget message must stay unanswered.", DefaultValueFactory = _ => TimeSpan.FromSeconds(10) };
        var report = new Option<DirectoryInfo>("--report", "-o") { Description = "Folder for partner-report.html and partner-report.json.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var command = new Command("send", """
            Send the scripted suite to a supplier's mailbox, collect the responses on this mailbox and check each case
            (pattern, code, correlation, SenderReference echo, structure, workflow, timing). Exits 0 when every check passed.
            Example:
              itk3 partner send --url http://127.0.0.1:8700 --mailbox X26PTN01 --password password --shared-key TestKey --to X26ABC1 -o report/
            """) { to, workflow, senderOds, gpOds, timeout, quiet, report };
        connection.AddTo(command);
        command.SetAction((r, ct) => MeshCommand.RunAsync(r, connection, async (client, output) =>
        {
            var clock = TimeProvider.System;
            var options = new PartnerSenderOptions
            {
                To = r.GetValue(to)!, Mailbox = connection.MailboxOf(r), Workflow = r.GetValue(workflow)!, Sender = Participant.Organization(r.GetValue(senderOds)!),
                Timeout = r.GetValue(timeout), QuietPeriod = r.GetValue(quiet),
            };
            var suite = new SenderSuite(new ItkMessageBuilder(clock, RandomIdGenerator.Instance), options.Sender, options.Mailbox, r.GetValue(gpOds)!, clock.GetUtcNow(), RandomIdGenerator.Instance).Build();
            var result = await new PartnerSender(client, options, clock, output).RunAsync(suite, ct);
            var folder = r.GetValue(report)!;
            folder.Create();
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "partner-report.json"), ReportWriter.ToJson(result), ct);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "partner-report.html"), ReportWriter.ToHtml(result), ct);
            await output.WriteLineAsync($"{result.PassedCases}/{result.Cases.Count} cases, {result.PassedChecks}/{result.TotalChecks} checks passed; report in {folder.FullName}");
            return result.Passed ? ExitCodes.Ok : ExitCodes.ContentErrors;
        }, ct));
        return command;
    }
}
