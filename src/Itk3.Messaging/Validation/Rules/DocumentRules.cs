using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Validation.Rules;

/// <summary>
/// 20009 document rules: document identity (Bundle.id and identifier), Composition first, every entry with a fullUrl and
/// a resource, internal references resolving inside the document (FHIR-CC-04) and attachments carried inside it (FHIR-PAY-02).
/// </summary>
internal static class DocumentRules
{
    private const string Code = ResponseCodes.PayloadValidationFailure;

    public static void Check(ValidationContext context, ElementNode bundle, string location)
    {
        RuleSupport.Require(context, Code, bundle, location, "id");
        if (bundle.Select("identifier.value") is null)
        {
            context.Report(Code, location + ".identifier", bundle, "A document bundle needs an identifier with a value (1..1).");
        }

        var entries = bundle.ChildrenNamed("entry").ToList();
        if (entries.Count == 0 || entries[0].Child("resource")?.ResourceType != "Composition")
        {
            context.Report(Code, location + ".entry[0]", entries.FirstOrDefault() ?? bundle, "The first entry of a document must be its Composition.");
        }

        if (entries.Count > 0 && entries[0].Child("resource") is { ResourceType: "Composition" } composition)
        {
            CheckComposition(context, composition, location + ".entry[0].resource.ofType(Composition)");
        }

        PayloadRule.CheckEntries(context, bundle, location);
        var fullUrls = entries.Select(e => e.ChildValue("fullUrl")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        fullUrls.UnionWith(entries.Select(e => e.Child("resource")).Where(r => r?.ChildValue("id") is not null).Select(r => $"{r!.ResourceType}/{r.ChildValue("id")}"));
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].ChildValue("fullUrl") is null)
            {
                context.Report(Code, $"{location}.entry[{i}].fullUrl", entries[i], "Every document entry needs a fullUrl.");
            }

            if (entries[i].Child("resource") is { } resource)
            {
                CheckResource(context, resource, $"{location}.entry[{i}].resource", fullUrls);
            }
        }
    }

    private static void CheckResource(ValidationContext context, ElementNode resource, string location, HashSet<string> fullUrls) =>
        RuleSupport.Walk(resource, node =>
        {
            // relatesTo points at earlier documents, outside this one: the replacement rule (20014) judges it.
            if (node.Name == "relatesTo")
            {
                return false;
            }

            if (node.Name == "reference" && node.Value is { } reference && IsInternal(reference) && !Resolves(reference, fullUrls))
            {
                context.Report(Code, location, node, "A reference inside the document does not resolve to an entry of the document.");
            }

            if (node.Children.Count > 0 && IsExternalAttachment(node))
            {
                context.Report(Code, location, node, "An attachment must be carried inside the bundle, not by external URL.");
            }

            return true;
        });

    // The elements ITK-Document-Bundle-1 documents need (Composition 1..1 in CareConnect and the ToC payloads).
    private static readonly string[] CompositionElements = ["status", "type", "subject", "date", "author", "title"];

    private static void CheckComposition(ValidationContext context, ElementNode composition, string location)
    {
        foreach (var name in CompositionElements)
        {
            RuleSupport.Require(context, Code, composition, location, name);
        }

        if (composition.ChildValue("status") is { } status && status is not ("preliminary" or "final" or "amended" or "entered-in-error"))
        {
            context.Report(Code, location + ".status", composition.Child("status"), "Composition.status is not a composition-status code.");
        }
    }

    // urn:uuid: and relative Type/id references must resolve inside the document; absolute URLs and #contained do not.
    private static bool IsInternal(string reference) =>
        reference.StartsWith("urn:uuid:", StringComparison.Ordinal)
        || (reference.Length > 2 && char.IsAsciiLetterUpper(reference[0]) && reference.Count(c => c == '/') == 1 && !reference.Contains(':', StringComparison.Ordinal));

    private static bool Resolves(string reference, HashSet<string> targets) =>
        targets.Contains(reference) || (!reference.StartsWith("urn:", StringComparison.Ordinal) && targets.Any(t => t.EndsWith("/" + reference, StringComparison.Ordinal)));

    private static bool IsExternalAttachment(ElementNode node) =>
        RuleSupport.FindChild(node, "contentType") is not null && RuleSupport.FindChild(node, "url") is { Value: { } url } && RuleSupport.FindChild(node, "data") is null
        && (url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase));
}
