namespace Itk3.Gateway.Delivery;

/// <summary>Where a delivery to the local application is; stored by name, so members are never renamed.</summary>
public enum DeliveryState
{
    /// <summary>Waiting to be delivered (claimable when due and not leased).</summary>
    Pending,

    /// <summary>The application took it; never delivered again.</summary>
    Delivered,

    /// <summary>Given up; not claimed again unless an operator requeues it.</summary>
    DeadLettered,

    /// <summary>Closed by an operator (with a note on record); never delivered.</summary>
    Resolved,
}
