using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Hosting;
using Itk3.Mesh;
using Itk3.Mesh.Server;
using Itk3.Mesh.Server.Configuration;
using Itk3.Messaging.Validation;
using Itk3.Testing;

namespace Itk3.Cli.Tests.Partner;

/// <summary>Our node (the "supplier") and the partner's mailbox on one embedded MESH server (real Kestrel on 127.0.0.1:0), in a temporary folder.</summary>
internal sealed class PartnerHarness : IAsyncDisposable
{
    public const string NodeMailbox = "X26NODE1";
    public const string PartnerMailbox = "X26PTN01";

    private readonly string _folder = Directory.CreateTempSubdirectory("itk3-partner-").FullName;

    private PartnerHarness()
    {
    }

    public MeshServer Mesh { get; private set; } = null!;

    public GatewayHost Node { get; private set; } = null!;

    /// <summary>The node's local application: accepted payloads arrive here; <see cref="ReportOutcomesAsync"/> answers them.</summary>
    public QueueApplication Application { get; } = new();

    public static async Task<PartnerHarness> StartAsync(ReceiverProfile profile)
    {
        var harness = new PartnerHarness();
        harness.Mesh = await EmbeddedMesh.StartAsync([(NodeMailbox, "A81001"), (PartnerMailbox, "X26PTN")], Path.Combine(harness._folder, "mesh"));
        var options = new GatewayOptions
        {
            Mailbox = NodeMailbox,
            OdsCode = "A81001",
            DataDirectory = Path.Combine(harness._folder, "node"),
            DropFolder = "",
            ReceiverProfile = profile,
            Mesh = new MeshSettings { PollInterval = TimeSpan.FromMilliseconds(100), PageSize = 50 },
            Flows = [new FlowSettings { WorkflowId = "TOC_FHIR_IP_DISCH", InfAckRequested = true, BusAckRequested = true }],
        };
        harness.Node = await new GatewayHostBuilder(options)
        {
            MeshUrl = harness.Mesh.BaseAddress,
            DeliveryTarget = harness.Application,
            Tune = s => s with { IdleInterval = TimeSpan.FromMilliseconds(100) },
        }.StartAsync(CancellationToken.None);
        return harness;
    }

    public MeshClient PartnerClient() => new(new MeshClientOptions
    {
        BaseUrl = Mesh.BaseAddress,
        MailboxId = PartnerMailbox,
        Password = MeshSandboxDefaults.Password,
        SharedKey = MeshSandboxDefaults.SharedKey,
    });

    /// <summary>Plays the node's clinical application until cancelled: every accepted payload gets the business outcome 30001.</summary>
    public async Task ReportOutcomesAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            while (Application.Received.TryDequeue(out var item))
            {
                await Node.Application.ReportOutcomeAsync(new Gateway.Application.OutcomeReport(item.InboundMeshMessageId!, "30001"), CancellationToken.None);
            }

            await Task.Delay(50, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>A discharge document for the node to send (synthetic patient).</summary>
    public static byte[] Document(string id, string nhsNumber, string family) => Encoding.UTF8.GetBytes($$$"""
        {"resourceType":"Bundle","id":"{{{id}}}","identifier":{"system":"https://tools.ietf.org/html/rfc4122","value":"{{{id}}}"},"type":"document",
         "entry":[
          {"fullUrl":"urn:uuid:{{{id}}}-c","resource":{"resourceType":"Composition","id":"c","status":"final",
            "type":{"coding":[{"system":"http://snomed.info/sct","code":"373942005","display":"Discharge summary"}]},
            "subject":{"reference":"urn:uuid:{{{id}}}-p"},"date":"{{{DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture)}}}",
            "author":[{"reference":"urn:uuid:{{{id}}}-o"}],"title":"Discharge summary"}},
          {"fullUrl":"urn:uuid:{{{id}}}-p","resource":{"resourceType":"Patient","id":"p",
            "identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{{nhsNumber}}}"}],"name":[{"family":"{{{family}}}","given":["Test"]}]}},
          {"fullUrl":"urn:uuid:{{{id}}}-o","resource":{"resourceType":"Organization","id":"o","name":"Test Hospital"}}
         ]}
        """);

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        await Mesh.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Queues every delivered payload.</summary>
    internal sealed class QueueApplication : IDeliveryTarget
    {
        public ConcurrentQueue<DeliveryItem> Received { get; } = new();

        public Task DeliverAsync(DeliveryItem item, CancellationToken cancellationToken)
        {
            Received.Enqueue(item);
            return Task.CompletedTask;
        }
    }
}
