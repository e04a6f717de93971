using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Serialization;
using Itk3.Messaging.Reading;
using Itk3.Messaging.Validation.Rules;

namespace Itk3.Messaging.Validation;

/// <summary>
/// Validates received messages as a receiver, with ordered rules following §10.3: unreadable (10009), structure
/// (20006), handling keys (10001-10010), duplicates (20007/20008), sender and recipient (20001-20003, 20012), size
/// (20015), payload (20009), payload profiles (20009), payload recipients (20010/20011), attachments (20004/20005), replacement (20014).
/// Processing stops at the first rule that finds a defect (a negative response ends processing), unless
/// <c>reportAll</c> is set: then every rule runs (for diagnostics) and the outcome is still the first rule's code.
/// </summary>
public sealed class MessageValidator
{
    private readonly ReceiverProfile _profile;
    private readonly IReceivedMessageHistory _history;
    private readonly IPayloadRecipientExtractor _payloadRecipients;
    private readonly bool _reportAll;

    /// <summary>Creates a validator for one receiver profile; <paramref name="reportAll"/> runs every rule instead of stopping at the first failure.</summary>
    public MessageValidator(ReceiverProfile profile, IReceivedMessageHistory? history = null, IPayloadRecipientExtractor? payloadRecipients = null, bool reportAll = false)
    {
        _reportAll = reportAll;
        _profile = profile;
        _history = history ?? EmptyMessageHistory.Instance;
        _payloadRecipients = payloadRecipients ?? NoPayloadRecipients.Instance;
        Rules = DefaultRules();
    }

    /// <summary>The rules in the order they run.</summary>
    public IReadOnlyList<IMessageRule> Rules { get; }

    /// <summary>The standard rule sequence.</summary>
    public static IReadOnlyList<IMessageRule> DefaultRules() =>
    [
        new UnreadableRule(), new BundleStructureRule(), new HeaderStructureRule(), new HandlingPresenceRule(),
        new HandlingFlagRule("InfAckRequested", "10002"), new HandlingFlagRule("BusAckRequested", "10003"),
        new RecipientTypeRule(), new MessageDefinitionRule(), new SenderReferenceRule(), new HandlingResidualRule(), new FlowRulesRule(),
        new DuplicateRule(), new SenderRule(), new RecipientRule(), new SizeRule(), new PayloadRule(), new PayloadProfileRule(),
        new PayloadRecipientRule(), new AttachmentRule(), new ReplacementRule(),
    ];

    /// <summary>Reads and validates received bytes (format detected when not given). Never throws on bad content.</summary>
    public ValidationResult Validate(ReadOnlyMemory<byte> content, FhirFormat? format = null)
    {
        var options = ItkMessageReader.TolerantOptions with { MaxBytes = Math.Max(_profile.MaxMessageBytes, 1) * 4 };
        return Validate(ItkMessageReader.Read(content, format, options));
    }

    /// <summary>Validates a tree built or parsed elsewhere.</summary>
    public ValidationResult Validate(ElementNode root) => Validate(new ReadOutcome(new ItkMessage(root), null, 0));

    /// <summary>Validates an already-read message.</summary>
    public ValidationResult Validate(ReadOutcome read)
    {
        var context = new ValidationContext(read, _profile, _history, _payloadRecipients);
        foreach (var rule in Rules)
        {
            rule.Check(context);
            if (context.Findings.Count > 0 && (!_reportAll || context.Message is null))
            {
                break;
            }
        }

        return new ValidationResult(read, context.Findings);
    }
}
