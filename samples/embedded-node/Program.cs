using Itk3.Gateway.Api;
using Itk3.Gateway.Application;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Hosting.DependencyInjection;
using Itk3.Gateway.Transactions;

// The node's configuration is the "Itk3" section of appsettings.json (and ITK3-style overrides such as
// Itk3__Mesh__Password in the environment, the usual ASP.NET Core layering); relative paths are under the content root.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddItk3Gateway(builder.Configuration.GetSection("Itk3"), builder.Environment.ContentRootPath);

// Optional: the gateway's own HTTP API, probes and OpenAPI document beside the app's endpoints.
builder.Services.AddItk3GatewayApi(new GatewayApiOptions { ApiKeys = builder.Configuration.GetSection("GatewayApiKeys").Get<string[]>() ?? [] });

var app = builder.Build();
app.UseItk3GatewayApi();

// The app's own endpoint: submit a synthetic discharge summary to a GP practice mailbox through the node.
app.MapPost("/send-sample/{mailbox}", async (string mailbox, IGatewayApplication node, TimeProvider clock, CancellationToken ct) =>
{
    var document = SampleDocuments.DischargeSummary(Guid.NewGuid().ToString(), clock.GetUtcNow());
    var result = await node.SubmitAsync(new SubmitRequest(document, RecipientKind.Mailbox, mailbox, "TOC_FHIR_IP_DISCH"), ct);
    return result.IsAccepted ? Results.Accepted($"/api/v1/transactions/{result.TransactionId}", result.TransactionId) : Results.BadRequest(result.Error);
});

app.Run();
