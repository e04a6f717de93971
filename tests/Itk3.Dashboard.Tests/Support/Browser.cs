using Microsoft.Playwright;

namespace Itk3.Dashboard.Tests.Support;

/// <summary>Debian's chromium driven by Playwright (launch flags from the machine notes: no sandbox as root, no background networking on a closed network).</summary>
internal sealed class Browser : IAsyncDisposable
{
    private static readonly string[] Flags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = Flags,
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A fresh page (own cookies) at a laptop (1280×800) or tablet (820×1180) size.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, bool tablet = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = tablet ? new ViewportSize { Width = 820, Height = 1180 } : new ViewportSize { Width = 1280, Height = 800 },
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
