namespace Itk3.Gateway.Api.Contracts;

/// <summary>The deliveries claimed by one pull (empty when none is waiting).</summary>
/// <param name="Items">The claimed deliveries; each comes back after the lease unless acknowledged.</param>
public sealed record DeliveryBatch(IReadOnlyList<DeliveryView> Items);
