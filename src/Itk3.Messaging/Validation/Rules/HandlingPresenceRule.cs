using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>10001: the handling extension missing or repeated, one of the six keys missing or repeated, or LocalExtension without a value. Extra keys are tolerated.</summary>
internal sealed class HandlingPresenceRule : IMessageRule
{
    private const string Code = ResponseCodes.HandlingSpecificationError;

    public string Name => "handling-presence";

    public void Check(ValidationContext context)
    {
        if (context.Message?.Header is not { } header)
        {
            return;
        }

        var extensions = header.HandlingExtensions;
        if (extensions.Count != 1)
        {
            var what = extensions.Count == 0 ? "is missing" : "appears more than once";
            context.Report(Code, RuleSupport.HandlingLocation(header), header.Node, $"The handling specification extension {what}.");
            return;
        }

        var handling = header.Handling!;
        foreach (var key in ItkHandling.DefinedKeys)
        {
            var count = handling.KeysNamed(key).Count();
            if (count != 1)
            {
                var what = count == 0 ? "is missing" : "appears more than once";
                context.Report(Code, RuleSupport.KeyLocation(header, key), handling.Extension, $"The handling key {key} {what}.");
            }
        }

        if (handling.Key("LocalExtension") is { } local && handling.LocalExtensionValue is null)
        {
            context.Report(Code, RuleSupport.KeyLocation(header, "LocalExtension"), local, "LocalExtension needs a value (any type).");
        }
    }
}
