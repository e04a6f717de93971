namespace Itk3.Mesh.Contract.Tests.Witness;

/// <summary>What a witness test needs from its target beyond the MESH API.</summary>
public enum WitnessNeed
{
    /// <summary>Nothing more: runs against any MESH.</summary>
    None,

    /// <summary>A disabled mailbox (test 701).</summary>
    DisabledMailbox,

    /// <summary>A way to make a message undeliverable (test 703).</summary>
    NonDelivery,
}
