using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>
/// A rule on one present handling key; absence is the presence rule's business (10001). A key whose value the parser
/// could not read (<c>yes</c>, <c>True</c>, a JSON string for a boolean) earns the key's own code, found from the raw bytes.
/// </summary>
internal abstract class HandlingKeyRule(string key, string code) : IMessageRule
{
    public string Name => "handling-" + key;

    /// <summary>The key's url inside the handling extension.</summary>
    protected string Key => key;

    /// <summary>The code this key's defects earn.</summary>
    protected string Code => code;

    public void Check(ValidationContext context)
    {
        if (context.Message?.Header is not { Handling: { } handling } header || handling.Key(key) is not { } node)
        {
            return;
        }

        var location = RuleSupport.KeyLocation(header, key);
        if (RuleSupport.ParseErrorUnder(context, RuleSupport.KeyParseLocation(header, node)) is { } issue)
        {
            context.Report(code, location, issue.Position, $"{key} could not be read ({issue.Code}).");
            return;
        }

        CheckKey(context, header, handling, node, location);
    }

    /// <summary>Checks the key's sub-extension node.</summary>
    protected abstract void CheckKey(ValidationContext context, ItkHeader header, ItkHandling handling, ElementNode node, string location);
}
