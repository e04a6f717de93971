using System.Text.Json;
using Itk3.Cli.Partner;
using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Transactions;
using Itk3.Mesh.Server.Configuration;
using Itk3.Messaging.Building;
using Itk3.Messaging.Responses;
using Itk3.Messaging.Validation;
using Itk3.Testing;

namespace Itk3.Cli.Tests.Partner;

public sealed class PartnerTests
{
    private static ReceiverProfile SampleProfile() =>
        ReceiverProfileFile.Load(Path.Combine(RepositoryPaths.Root, "samples", "partner", "receiver-profile.json"));

    [Fact]
    public async Task Our_node_with_the_sample_profile_passes_every_check_of_the_partners_sender_suite()
    {
        await using var harness = await PartnerHarness.StartAsync(SampleProfile());
        using var stop = new CancellationTokenSource();
        var application = harness.ReportOutcomesAsync(stop.Token);
        using var client = harness.PartnerClient();
        var options = new PartnerSenderOptions
        {
            To = PartnerHarness.NodeMailbox, Mailbox = PartnerHarness.PartnerMailbox,
            Timeout = TimeSpan.FromSeconds(90), QuietPeriod = TimeSpan.FromSeconds(3), PollInterval = TimeSpan.FromMilliseconds(200),
        };
        var suite = new SenderSuite(new ItkMessageBuilder(TimeProvider.System, RandomIdGenerator.Instance), options.Sender, options.Mailbox, "V81999", DateTimeOffset.UtcNow, RandomIdGenerator.Instance).Build();

        var report = await new PartnerSender(client, options, TimeProvider.System, TextWriter.Null).RunAsync(suite, CancellationToken.None);
        await stop.CancelAsync();
        await application;

        var artifacts = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts", "partner"));
        await File.WriteAllTextAsync(Path.Combine(artifacts.FullName, "partner-report.json"), ReportWriter.ToJson(report));
        await File.WriteAllTextAsync(Path.Combine(artifacts.FullName, "partner-report.html"), ReportWriter.ToHtml(report));
        Assert.True(report.Passed, ReportWriter.ToJson(report));
        Assert.Equal(suite.Count, report.PassedCases);
        Assert.All(report.Cases.Where(c => c.Id != "fire-and-forget"), c => Assert.Contains(c.Checks, k => k.Name == "correlation"));
    }

    [Fact]
    public async Task The_partners_report_fails_a_receiver_that_does_not_check_definitions_or_documents_and_the_command_exits_1()
    {
        await using var harness = await PartnerHarness.StartAsync(ReceiverProfile.Permissive);
        using var stop = new CancellationTokenSource();
        var application = harness.ReportOutcomesAsync(stop.Token);
        var folder = Directory.CreateTempSubdirectory("itk3-partner-report-");

        var run = await Task.Run(() => CliRun.Of(
            "partner", "send", "--url", harness.Mesh.BaseAddress.ToString(), "--mailbox", PartnerHarness.PartnerMailbox,
            "--password", MeshSandboxDefaults.Password, "--shared-key", MeshSandboxDefaults.SharedKey, "--to", PartnerHarness.NodeMailbox,
            "--timeout", "00:01:30", "--quiet-period", "00:00:02", "--report", folder.FullName));
        await stop.CancelAsync();
        await application;

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("<table>", await File.ReadAllTextAsync(Path.Combine(folder.FullName, "partner-report.html")));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "partner-report.json")));
        var failed = json.RootElement.GetProperty("cases").EnumerateArray().Where(c => !c.GetProperty("passed").GetBoolean()).Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(["message-definition-unknown", "message-definition-version", "payload-collection"], failed.Order());
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task The_receiving_partner_answers_our_node_as_its_register_and_trigger_values_dictate()
    {
        await using var harness = await PartnerHarness.StartAsync(ReceiverProfile.Permissive);
        using var client = harness.PartnerClient();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var receiver = new PartnerReceiver(client, ReceiverProfile.Permissive, PartnerPatients.Default(today),
            new Responder(Participant.Organization("X26PTN"), PartnerHarness.PartnerMailbox), TimeProvider.System, TextWriter.Null);
        using var stop = new CancellationTokenSource();
        var receiving = receiver.RunAsync(TimeSpan.FromMilliseconds(100), null, stop.Token);

        var silent = await SubmitAsync(harness, PartnerPatients.Registered, "ITK-SILENT");
        var registered = await SubmitAsync(harness, PartnerPatients.Registered, "Example");
        var deceased = await SubmitAsync(harness, PartnerPatients.RecentlyDeceased, "Example");
        var unknown = await SubmitAsync(harness, PartnerPatients.NotKnown, "Example");
        var forcedInfrastructure = await SubmitAsync(harness, PartnerPatients.Registered, "ITK-20009");
        var forcedBusiness = await SubmitAsync(harness, PartnerPatients.Registered, "ITK-30003");

        Assert.Equal(["20013", "30001"], await ResponsesAsync(harness, registered, TransactionState.Complete));
        Assert.Equal(["20013", "30004"], await ResponsesAsync(harness, deceased, TransactionState.Complete));
        Assert.Equal(["20013", "30002"], await ResponsesAsync(harness, unknown, TransactionState.Failed));
        Assert.Equal(["20009"], await ResponsesAsync(harness, forcedInfrastructure, TransactionState.Failed));
        Assert.Equal(["20013", "30003"], await ResponsesAsync(harness, forcedBusiness, TransactionState.Failed));
        var quiet = await harness.Node.Queries.GetTransactionAsync(silent, CancellationToken.None);
        Assert.Empty(quiet!.Responses);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiving);
    }

    [Fact]
    public async Task A_receiver_stopped_between_polls_reports_the_stop_as_one_stopped_during_a_poll()
    {
        await using var harness = await PartnerHarness.StartAsync(ReceiverProfile.Permissive);
        using var client = harness.PartnerClient();
        var receiver = new PartnerReceiver(client, ReceiverProfile.Permissive, PartnerPatients.Default(DateOnly.FromDateTime(DateTime.UtcNow)),
            new Responder(Participant.Organization("X26PTN"), PartnerHarness.PartnerMailbox), TimeProvider.System, TextWriter.Null);

        // Cancelled before the first poll: the loop's own check sees it, not a cancellable call.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiver.RunAsync(TimeSpan.FromMilliseconds(100), null, new CancellationToken(canceled: true)));
    }

    private static async Task<string> SubmitAsync(PartnerHarness harness, string nhsNumber, string family)
    {
        var request = new SubmitRequest(PartnerHarness.Document(Guid.NewGuid().ToString("D"), nhsNumber, family), RecipientKind.Mailbox, PartnerHarness.PartnerMailbox, "TOC_FHIR_IP_DISCH");
        var submitted = await harness.Node.Application.SubmitAsync(request, CancellationToken.None);
        Assert.True(submitted.IsAccepted, submitted.Error?.ToString());
        return submitted.TransactionId!;
    }

    private static async Task<IReadOnlyList<string>> ResponsesAsync(PartnerHarness harness, string transactionId, TransactionState state)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var details = await harness.Node.Queries.GetTransactionAsync(transactionId, CancellationToken.None);
            if (details?.Transaction.State == state || DateTime.UtcNow > until)
            {
                Assert.Equal(state, details?.Transaction.State);
                return [.. details!.Responses.Select(r => r.Code).Order(StringComparer.Ordinal)];
            }

            await Task.Delay(50);
        }
    }
}
