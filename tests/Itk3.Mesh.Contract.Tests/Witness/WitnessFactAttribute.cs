namespace Itk3.Mesh.Contract.Tests.Witness;

/// <summary>A witness test; skipped, with the reason, when an external target cannot provide what it needs.</summary>
public sealed class WitnessFactAttribute : FactAttribute
{
    public WitnessFactAttribute(WitnessNeed need = WitnessNeed.None)
    {
        Skip = need switch
        {
            WitnessNeed.DisabledMailbox when !WitnessTarget.HasDisabledMailbox =>
                $"Set {WitnessTarget.DisabledVariable}=MAILBOX:password (a disabled mailbox) to run this against {WitnessTarget.UrlVariable}.",
            WitnessNeed.NonDelivery when !WitnessTarget.CanProduceNonDelivery =>
                $"Non-delivery takes 5 days on real MESH; set {WitnessTarget.AdminVariable}=sandbox to inject the REPORT on an NHS sandbox.",
            _ => null,
        };
    }
}
