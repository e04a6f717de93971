using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Cli.Partner;

/// <summary>
/// Trigger values the receiving partner obeys, read from the family name of the payload's patient (docs/partner.md):
/// <c>ITK-nnnnn</c> forces a response code (1xxxx/2xxxx: that negative infrastructure response; 3xxxx: that business
/// response), <c>ITK-SILENT</c> sends nothing, <c>ITK-DELAY-n</c> waits n seconds (1 to 600) before answering.
/// </summary>
internal sealed record PartnerTriggers(ResponseCode? ForcedCode, bool Silent, TimeSpan Delay)
{
    /// <summary>No trigger.</summary>
    public static PartnerTriggers None { get; } = new(null, false, TimeSpan.Zero);

    /// <summary>The triggers in a received message (none when it has no patient or no trigger name).</summary>
    public static PartnerTriggers Of(ItkMessage? message)
    {
        var patient = PayloadPatient.Of(message);
        var families = (patient?.ChildrenNamed("name") ?? []).Select(n => n.ChildValue("family")).OfType<string>().Select(f => f.Trim().ToUpperInvariant());
        var triggers = None;
        foreach (var family in families.Where(f => f.StartsWith("ITK-", StringComparison.Ordinal)))
        {
            var value = family["ITK-".Length..];
            if (value == "SILENT")
            {
                triggers = triggers with { Silent = true };
            }
            else if (value.StartsWith("DELAY-", StringComparison.Ordinal) && int.TryParse(value["DELAY-".Length..], out var seconds) && seconds is > 0 and <= 600)
            {
                triggers = triggers with { Delay = TimeSpan.FromSeconds(seconds) };
            }
            else if (ResponseCodes.TryGet(value, out var code) && !code.IsWithdrawn && code.Code != ResponseCodes.Success)
            {
                triggers = triggers with { ForcedCode = code };
            }
        }

        return triggers;
    }
}
