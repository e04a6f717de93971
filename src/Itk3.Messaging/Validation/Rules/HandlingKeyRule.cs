using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>A rule on one present handling key; absence is the presence rule's business (10001).</summary>
internal abstract class HandlingKeyRule(string key) : IMessageRule
{
    public string Name => "handling-" + key;

    /// <summary>The key's url inside the handling extension.</summary>
    protected string Key => key;

    public void Check(ValidationContext context)
    {
        if (context.Message?.Header is { Handling: { } handling } header && handling.Key(key) is { } node)
        {
            CheckKey(context, header, handling, node, RuleSupport.KeyLocation(header, key));
        }
    }

    /// <summary>Checks the key's sub-extension node.</summary>
    protected abstract void CheckKey(ValidationContext context, ItkHeader header, ItkHandling handling, ElementNode node, string location);
}
