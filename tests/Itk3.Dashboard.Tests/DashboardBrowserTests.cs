using System.Text.RegularExpressions;
using Itk3.Dashboard.Tests.Support;
using Itk3.Gateway.Audit;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Transactions;
using Itk3.Testing;
using Microsoft.Playwright;

namespace Itk3.Dashboard.Tests;

public sealed partial class DashboardBrowserTests(DashboardNode node) : IClassFixture<DashboardNode>
{
    [BrowserFact]
    public async Task An_operator_finds_the_demo_transaction_reads_its_timeline_and_message_requeues_a_refused_send_and_resolves_it_with_a_note()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(node.BaseAddress);
        await SignInAsync(page, DashboardNode.OperatorKey);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" }));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Transactions by state" }));
        await ScreenshotAsync(page, "overview");

        await page.GetByRole(AriaRole.Link, new() { Name = "Transactions", Exact = true }).ClickAsync();
        await page.GetByLabel("Id (transaction, MESH, message)").FillAsync(node.DemoTransactionId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        Assert.DoesNotContain(node.DemoTransactionId, page.Url);
        await Expect(page.GetByText("Page 1 of 1 · 1 in all"));
        await ScreenshotAsync(page, "transactions");

        await page.GetByRole(AriaRole.Link, new() { Name = node.DemoTransactionId }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Timeline" }));
        var responses = page.Locator("table", new() { HasText = "ITK3 responses" });
        await Expect(responses.Locator("code", new() { HasText = "20013" }));
        await Expect(responses.Locator("code", new() { HasText = "30001" }));
        await Expect(page.GetByText("InfAckRequested", new() { Exact = true }));
        await ScreenshotAsync(page, "transaction");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = ViewSent() }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ITK header" }));
        await Expect(page.Locator("pre.payload").GetByText("MessageHeader").First);
        await ScreenshotAsync(page, "message");
        var views = await node.Queries.ListAuditAsync(new AuditQuery(), CancellationToken.None);
        Assert.Contains(views, e => e is { Action: AuditAction.PayloadViewed, Actor: "ops", Subject: AuditSubject.OutboxItem });

        await page.GetByRole(AriaRole.Link, new() { Name = "Needs attention" }).ClickAsync();
        var deadLetter = (await node.Queries.GetTransactionAsync(node.DeadLetterTransactionId, CancellationToken.None))!.OutboxItemIds[0];
        await ScreenshotAsync(page, "attention");
        await page.GetByRole(AriaRole.Button, new() { Name = "Requeue " + deadLetter }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status));
        Assert.Contains("Requeued", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        // The requeued send goes to MESH again, which refuses it again: never abandoned, it is flagged waiting once more.
        await Eventually.GetAsync(
            () => node.Queries.GetOutboxItemAsync(deadLetter, CancellationToken.None),
            o => o!.State == OutboxState.Pending && o.WaitingSince is not null);
        await page.ReloadAsync();
        var resolveForm = page.Locator("form[action='/actions/outbox/" + deadLetter + "/resolve']");
        await resolveForm.GetByLabel("Note").FillAsync("recipient mailbox retired; sent by secure email");
        await resolveForm.GetByRole(AriaRole.Button).ClickAsync();
        Assert.Contains("Resolved", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        await Expect(page.Locator("#tx-title", new() { HasText = "(0)" }));
        Assert.Equal(OutboxState.Resolved, (await node.Queries.GetOutboxItemAsync(deadLetter, CancellationToken.None))!.State);

        var timeline = (await node.Queries.GetTransactionAsync(node.DeadLetterTransactionId, CancellationToken.None))!.Timeline
            .Where(e => e.Kind == TransactionEventKind.OperatorAction).Select(e => e.Detail!).ToList();
        Assert.Equal(2, timeline.Count);
        Assert.StartsWith("Requeued MESH send by ops", timeline[0]);
        Assert.Equal("Resolved MESH send by ops: recipient mailbox retired; sent by secure email", timeline[1]);
        await page.GotoAsync("/transactions/" + node.DeadLetterTransactionId);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Resolved MESH send by ops: recipient mailbox retired; sent by secure email" }));

        await page.GetByRole(AriaRole.Link, new() { Name = "Mailbox" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox: received from MESH" }));
        await ScreenshotAsync(page, "mailbox");
    }

    [BrowserFact]
    public async Task A_read_only_key_sees_no_actions_and_a_key_without_read_cannot_sign_in()
    {
        await using var browser = await Browser.LaunchAsync();
        var refused = await browser.NewPageAsync(node.BaseAddress);
        await SignInAsync(refused, DashboardNode.SubmitKey);
        await Expect(refused.GetByRole(AriaRole.Alert));
        Assert.EndsWith("/login", new Uri(refused.Url).AbsolutePath);

        var viewer = await browser.NewPageAsync(node.BaseAddress, tablet: true);
        await SignInAsync(viewer, DashboardNode.ViewerKey);
        await viewer.GotoAsync("/attention");
        await Expect(viewer.GetByText("Your key holds read only"));
        Assert.Equal(0, await viewer.GetByRole(AriaRole.Button, new() { NameRegex = RequeueOrResolve() }).CountAsync());
        var forbidden = await viewer.APIRequest.PostAsync("/actions/outbox/x/requeue");
        Assert.NotEqual(200, forbidden.Status);
        Assert.NotEqual(302, forbidden.Status);
    }

    [BrowserFact]
    public async Task Every_page_redirects_to_sign_in_without_a_session_and_the_overview_refreshes_itself()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(node.BaseAddress);
        await page.GotoAsync("/transactions/" + node.DemoTransactionId);
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);

        await SignInAsync(page, DashboardNode.ViewerKey);
        Assert.Equal("/transactions/" + node.DemoTransactionId, new Uri(page.Url).AbsolutePath);
        await page.GotoAsync("/");
        await Expect(page.Locator("#overview[data-refreshed]"), timeoutSeconds: 30);
    }

    private static async Task SignInAsync(IPage page, string key)
    {
        if (!page.Url.Contains("/login", StringComparison.Ordinal))
        {
            await page.GotoAsync("/login");
        }

        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static Task Expect(ILocator locator, int timeoutSeconds = 15) =>
        locator.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = timeoutSeconds * 1000 });

    // ITK3_UPDATE_SCREENSHOTS=1 writes docs/images/dashboard-<name>.png (reviewed and committed like golden files).
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ITK3_UPDATE_SCREENSHOTS") == "1")
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Root, "docs", "images", $"dashboard-{name}.png"), FullPage = true });
        }
    }

    [GeneratedRegex("^View ")]
    private static partial Regex ViewSent();

    [GeneratedRegex("^(Requeue|Resolve) ")]
    private static partial Regex RequeueOrResolve();
}
