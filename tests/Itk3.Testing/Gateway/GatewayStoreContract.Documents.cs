using Itk3.Messaging.Validation;
using Xunit;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Testing.Gateway;

public abstract partial class GatewayStoreContract<THarness>
{
    [StoreFact]
    public async Task An_accepted_document_is_found_by_its_id_or_its_Composition_identifier_after_commit_and_kept_once()
    {
        var now = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Inbox.RegisterAsync(Inbound("M1"), Bytes("M1"), Ct);
            await work.Inbox.RecordDocumentAsync(new ReceivedDocument("D1", "C1", "sha256:p1"), "M1", now, Ct);
            await work.Inbox.RecordDocumentAsync(new ReceivedDocument("D1", "C9", "sha256:p9"), "M1", now, Ct);
            await work.CommitAsync(Ct);
        }

        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Inbox.RecordDocumentAsync(new ReceivedDocument("D2", "C1", "sha256:p1"), "M2", now.AddMinutes(1), Ct);
            Assert.Equal(new ReceivedDocument("D1", "C1", "sha256:p1"), await work.Inbox.FindDocumentAsync("D1", Ct));
            Assert.Equal("D2", (await work.Inbox.FindDocumentAsync("C1", Ct))!.DocumentId);
            Assert.Null(await work.Inbox.FindDocumentAsync("C9", Ct));
            Assert.Null(await work.Inbox.FindDocumentAsync("nothing", Ct));
        }

        await using var after = await Store.BeginAsync(Ct);
        Assert.Equal("D1", (await after.Inbox.FindDocumentAsync("C1", Ct))!.DocumentId);
    }
}
