using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Itk3.Dashboard;
using Itk3.Dashboard.Bench;
using Itk3.Gateway.Api;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;

// Usage: Itk3.Dashboard.Bench [transactions=100000] [requests=30]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var root = Directory.CreateTempSubdirectory("itk3-dashboard-bench-").FullName;
try
{
    var clock = Stopwatch.StartNew();
    await Seeder.SeedAsync(Path.Combine(root, "gateway.db"), count, DateTimeOffset.UtcNow);
    Console.WriteLine($"Seeded {count:N0} transactions in {clock.Elapsed.TotalSeconds:0.0} s");
    var options = new GatewayOptions { DataDirectory = root, DropFolder = "", ApiKeys = [new() { Name = "bench", Key = "bench-key", Scopes = [ApiScopes.Admin] }] };
    await using var host = await new GatewayHostBuilder(options).StartAsync(CancellationToken.None);
    await using var api = await GatewayApiServer.StartAsync(host.Application, host.Queries, new GatewayApiOptions { Urls = ["http://127.0.0.1:0"], ApiKeys = options.ApiKeys }.WithDashboard());
    using var browser = await SignedInClientAsync(api.BaseAddress);
    using var apiClient = new HttpClient { BaseAddress = api.BaseAddress };
    apiClient.DefaultRequestHeaders.Add("X-Api-Key", "bench-key");

    var health = await TimeAsync(requests, () => apiClient.GetAsync("health"));
    var json = await TimeAsync(requests, () => apiClient.GetAsync("api/v1/transactions?pageSize=50"));
    var page = await TimeAsync(requests, () => browser.GetAsync("transactions"));
    var token = Token(await browser.GetStringAsync("transactions"));
    var filtered = await TimeAsync(requests, () => PostFilterAsync(browser, token, [("state", "Failed"), ("flow", "TOC_FHIR_EC_DISCH"), ("page", "3")]));
    var search = await TimeAsync(requests, () => PostFilterAsync(browser, token, [("q", "bench-0054321"), ("page", "1")]));
    Console.WriteLine($"{count:N0} transactions, {requests} requests each, median (p90) in ms, same run:");
    Console.WriteLine($"  baseline GET /health (liveness)                      {health}");
    Console.WriteLine($"  baseline GET /api/v1/transactions?pageSize=50 (JSON) {json}");
    Console.WriteLine($"  dashboard transactions page 1 (50 rows + total)      {page}");
    Console.WriteLine($"  dashboard filtered state+flow, page 3                {filtered}");
    Console.WriteLine($"  dashboard id search                                  {search}");
    Console.WriteLine($"Load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
    return 0;
}
finally
{
    Directory.Delete(root, recursive: true);
}

static async Task<string> TimeAsync(int requests, Func<Task<HttpResponseMessage>> call)
{
    (await call()).EnsureSuccessStatusCode(); // warm-up
    var times = new List<double>();
    for (var i = 0; i < requests; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await call();
        await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        response.EnsureSuccessStatusCode();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return string.Create(CultureInfo.InvariantCulture, $"{times[times.Count / 2],7:0.0} ({times[(int)(times.Count * 0.9)],7:0.0})");
}

static async Task<HttpClient> SignedInClientAsync(Uri baseAddress)
{
    var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = baseAddress };
    var login = await client.GetStringAsync("login");
    var response = await client.PostAsync("login", new FormUrlEncodedContent([new("__form", Token(login)), new("apiKey", "bench-key")]));
    response.EnsureSuccessStatusCode();
    return client;
}

static Task<HttpResponseMessage> PostFilterAsync(HttpClient client, string token, (string, string)[] fields) =>
    client.PostAsync("transactions", new FormUrlEncodedContent([new("__form", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]));

static string Token(string html) => Regex.Match(html, "name=\"__form\" value=\"([^\"]+)\"").Groups[1].Value;
