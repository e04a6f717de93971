using System.Text;
using System.Xml;
using System.Xml.Schema;

namespace Itk3.SchemaGen;

/// <summary>
/// Reads the narrative content model from <c>fhir-xhtml.xsd</c>: every element reachable from <c>div</c>, whether it
/// holds text, its attributes and its allowed children, written as <c>xhtml NAME mixed|elements ATTRS CHILDREN</c>.
/// Elements the STU3 narrative rules forbid (head, body, scripts, forms, base/link, frames, objects) are left out.
/// </summary>
internal static class XhtmlContentModel
{
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    // STU3 narrative.html: "SHALL NOT contain a head, a body element, external stylesheet references, deprecated
    // elements, scripts, forms, base/link/xlink, frames, iframes and objects".
    private static readonly HashSet<string> ForbiddenByRules =
        ["html", "head", "body", "title", "meta", "link", "base", "style", "script", "noscript", "form", "input", "button",
         "select", "option", "optgroup", "textarea", "label", "fieldset", "legend", "object", "param", "applet", "iframe", "frame", "frameset"];

    public static void Write(StringBuilder text, string schemaFolder)
    {
        text.Append("# xhtml lines: xhtml NAME mixed|elements ATTR,ATTR|- CHILD,CHILD|- (from fhir-xhtml.xsd and the narrative rules)\n");
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(Path.Combine(schemaFolder, "fhir-xhtml.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
        {
            set.Add(XhtmlNamespace, reader);
        }

        set.Compile();
        var pending = new Queue<string>(["div"]);
        var seen = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var name))
        {
            if (seen.ContainsKey(name))
            {
                continue;
            }

            var element = (XmlSchemaElement)set.GlobalElements[new XmlQualifiedName(name, XhtmlNamespace)]!;
            var type = (XmlSchemaComplexType)element.ElementSchemaType!;
            var children = new SortedSet<string>(StringComparer.Ordinal);
            CollectChildren(type.ContentTypeParticle, children);
            children.ExceptWith(ForbiddenByRules);
            foreach (var child in children)
            {
                pending.Enqueue(child);
            }

            var attributes = type.AttributeUses.Names.Cast<XmlQualifiedName>()
                .Select(attribute => attribute.Namespace.Length == 0 ? attribute.Name : "xml:" + attribute.Name)
                .Where(attribute => !attribute.StartsWith("on", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            seen[name] = $"xhtml {name} {(type.IsMixed ? "mixed" : "elements")} {Join(attributes)} {Join(children)}";
        }

        foreach (var line in seen.Values)
        {
            text.Append(line).Append('\n');
        }
    }

    private static void CollectChildren(XmlSchemaParticle? particle, SortedSet<string> names)
    {
        switch (particle)
        {
            case XmlSchemaElement element:
                names.Add(element.QualifiedName.Name);
                break;
            case XmlSchemaGroupBase group:
                foreach (var item in group.Items)
                {
                    CollectChildren(item as XmlSchemaParticle, names);
                }

                break;
        }
    }

    private static string Join(IEnumerable<string> names)
    {
        var joined = string.Join(',', names);
        return joined.Length == 0 ? "-" : joined;
    }
}
