using Itk3.Fhir.Serialization;
using Itk3.Mesh;
using Itk3.Mesh.Models;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;
using Itk3.Messaging.Responses;

namespace Itk3.Cli.Partner;

/// <summary>
/// The sending partner: sends the scripted suite to the supplier's mailbox, collects the responses on its own mailbox
/// (answering a Full-Acknowledgement business response with 20013, as a sender must), and checks each case.
/// Phase 2 cases (duplicates, replacement) are sent once phase 1 has settled.
/// </summary>
internal sealed class PartnerSender(IMeshClient mesh, PartnerSenderOptions options, TimeProvider clock, TextWriter log)
{
    private readonly Dictionary<string, CaseRun> _byHeaderId = new(StringComparer.Ordinal);
    private readonly ResponseFactory _factory = new(clock, RandomIdGenerator.Instance, new Responder(options.Sender, options.Mailbox));
    private CaseRun? _unreadable;

    /// <summary>Runs the suite and returns the report.</summary>
    public async Task<PartnerReport> RunAsync(IReadOnlyList<SuiteCase> suite, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var runs = suite.Select(c => new CaseRun(c)).ToList();
        foreach (var phase in runs.GroupBy(r => r.Case.Phase).OrderBy(g => g.Key))
        {
            foreach (var run in phase)
            {
                await SendAsync(run, cancellationToken).ConfigureAwait(false);
            }

            await CollectAsync([.. phase], cancellationToken).ConfigureAwait(false);
        }

        // A last look for responses that should not exist (a second response after a negative one, R39/R40).
        await Task.Delay(options.PollInterval, clock, cancellationToken).ConfigureAwait(false);
        await PollAsync(cancellationToken).ConfigureAwait(false);
        var evaluator = new CaseEvaluator(options.Workflow, options.Timeout);
        return new PartnerReport(options.To, options.Workflow, started, clock.GetUtcNow(), [.. runs.Select(evaluator.Evaluate)]);
    }

    private async Task SendAsync(CaseRun run, CancellationToken cancellationToken)
    {
        var request = new MeshSendRequest(options.To, options.Workflow)
        {
            ContentType = "application/fhir+xml",
            Subject = $"ITK3 partner case {run.Case.Id}",
            LocalId = run.Case.Id,
        };
        using var body = new MemoryStream(run.Case.Content);
        var sent = await mesh.SendAsync(request, body, cancellationToken).ConfigureAwait(false);
        run.SentAt = clock.GetUtcNow();
        run.MeshMessageId = sent.MessageId;
        if (run.Case.MessageHeaderId is { } headerId)
        {
            _byHeaderId[headerId] = run;
        }
        else
        {
            _unreadable = run;
        }

        log.WriteLine($"sent {run.Case.Id} ({sent.MessageId})");
    }

    private async Task CollectAsync(IReadOnlyList<CaseRun> runs, CancellationToken cancellationToken)
    {
        var deadline = runs.Max(r => r.SentAt!.Value) + options.Timeout;
        while (clock.GetUtcNow() < deadline && !runs.All(Settled))
        {
            if (await PollAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                await Task.Delay(options.PollInterval, clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private bool Settled(CaseRun run)
    {
        var codes = run.Responses.Select(r => r.Message.Response?.Code).ToList();
        return run.Case.Expectation switch
        {
            CaseExpectation.Rejected => codes.Count > 0,
            CaseExpectation.Silent => codes.Count > 0 || clock.GetUtcNow() - run.SentAt >= options.QuietPeriod,
            _ => codes.Any(c => c is not null && c != ResponseCodes.Success && ResponseCodes.LevelOf(c) == ResponseLevel.Infrastructure)
                || ((!run.Case.InfAckRequested || codes.Contains(ResponseCodes.Success))
                    && (!run.Case.BusAckRequested || codes.Any(c => ResponseCodes.LevelOf(c) == ResponseLevel.Business))),
        };
    }

    private async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var id in mesh.EnumerateInboxAsync(null, cancellationToken).ConfigureAwait(false))
        {
            count++;
            await using (var download = await mesh.DownloadAsync(id, cancellationToken).ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                await download.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (!download.Metadata.IsReport)
                {
                    await RouteAsync(download.Metadata, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
                }
            }

            await mesh.AcknowledgeAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    private async Task RouteAsync(MeshMessageMetadata metadata, byte[] content, CancellationToken cancellationToken)
    {
        if (ItkMessageReader.Read(content).Message is not { Header.IsResponse: true } message)
        {
            log.WriteLine($"ignored {metadata.MessageId}: not an ITK3 Response");
            return;
        }

        var respondsTo = message.Header.ResponseIdentifier;
        var run = respondsTo == ItkUrls.UnreadableIdentifier ? _unreadable : respondsTo is null ? null : _byHeaderId.GetValueOrDefault(respondsTo);
        if (run is null)
        {
            log.WriteLine($"ignored {metadata.MessageId}: answers no message of the suite");
            return;
        }

        run.Responses.Add(new ReceivedResponse(message, metadata.WorkflowId, clock.GetUtcNow(), content));
        log.WriteLine($"received {message.Response?.Code} for {run.Case.Id}");
        if (message.Header.Handling?.InfAckRequested == true && message.Response?.Level == ResponseLevel.Business)
        {
            // Full Acknowledgement: the sender answers the business response with an infrastructure response.
            var ack = _factory.CreateFor(message, ResponseCodes.Success);
            using var body = new MemoryStream(FhirSerializer.SerializeToBytes(ack.Bundle, ItkMessageReader.Read(content).Format ?? FhirFormat.Xml));
            await mesh.SendAsync(new MeshSendRequest(metadata.From ?? options.To, metadata.WorkflowId ?? ItkFlows.AckWorkflowIdFor(options.Workflow)) { ContentType = "application/fhir+xml" }, body, cancellationToken).ConfigureAwait(false);
        }
    }
}
