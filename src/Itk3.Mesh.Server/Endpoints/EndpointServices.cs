using Itk3.Mesh.Server.Configuration;
using Itk3.Mesh.Server.Delivery;
using Itk3.Mesh.Server.Protocol;
using Itk3.Mesh.Server.Security;
using Itk3.Mesh.Server.Storage;
using Microsoft.Extensions.Logging;

namespace Itk3.Mesh.Server.Endpoints;

/// <summary>What every endpoint needs, built once per server.</summary>
internal sealed record EndpointServices(
    MeshServerConfig Config,
    MessageStore Store,
    MessageService Messages,
    RequestAuthenticator Authenticator,
    WorkflowRegistry Registry,
    GpProviderRouter Router,
    MessageIdGenerator Ids,
    ILogger Logger);
