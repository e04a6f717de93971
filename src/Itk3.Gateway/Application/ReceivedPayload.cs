using Itk3.Gateway.Inbound;

namespace Itk3.Gateway.Application;

/// <summary>A received message with its raw bytes.</summary>
/// <param name="Message">The inbox record.</param>
/// <param name="Content">The raw ITK3 message bytes as received.</param>
public sealed record ReceivedPayload(InboundMessage Message, ReadOnlyMemory<byte> Content);
