using System.Globalization;
using System.Text.RegularExpressions;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Profiles.FhirPath;

/// <summary>The functions the STU3 base invariants and the NHS profiles use; any other throws (reported as not checked).</summary>
internal sealed partial class FhirPathEvaluator
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private List<object> Function(string name, List<object> input, IReadOnlyList<FhirPathNode> args, object? self)
    {
        switch (name)
        {
            case "empty": return Bool(input.Count == 0);
            case "exists": return Bool((args.Count == 0 ? input : Where(input, args[0])).Count > 0);
            case "count": return [(long)input.Count];
            case "not": return ToBoolean(input) is { } b ? Bool(!b) : [];
            case "hasValue": return Bool(input is [ElementNode { HasValue: true }] or [not ElementNode]);
            case "first": return input.Count > 0 ? [input[0]] : [];
            case "last": return input.Count > 0 ? [input[^1]] : [];
            case "tail": return input.Skip(1).ToList();
            case "single": return input.Count <= 1 ? input : throw new FhirPathException("single() on several items");
            case "distinct": return Distinct(input);
            case "isDistinct": return Bool(Distinct(input).Count == input.Count);
            case "where": return Where(input, args[0]);
            case "select": return [.. input.SelectMany(item => Eval(args[0], [item], item))];
            case "all": return Bool(input.All(item => ToBoolean(Eval(args[0], [item], item)) == true));
            case "trace": return input;
            case "iif": return ToBoolean(Eval(args[0], input, self)) == true ? Eval(args[1], input, self) : args.Count > 2 ? Eval(args[2], input, self) : [];
            case "ofType": return TypeOperator("as", input, TypeName(args[0]));
            case "as": return TypeOperator("as", input, TypeName(args[0]));
            case "is": return TypeOperator("is", input, TypeName(args[0]));
            case "children": return [.. input.OfType<ElementNode>().SelectMany(node => node.Children)];
            case "descendants": return [.. input.OfType<ElementNode>().SelectMany(Descendants)];
            case "resolve": return Resolve(input);
            case "extension": return Extension(input, Argument(args[0], self));
            case "union": return Distinct([.. input, .. Eval(args[0], [self!], self)]);
            case "toInteger": return Convert(input, s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null);
            case "toString": return Convert(input, s => s);
            default: return StringFunction(name, input, args, self);
        }
    }

    /// <summary>The function names <see cref="Function"/> and <see cref="StringFunction"/> evaluate; any other is not supported.</summary>
    internal static readonly HashSet<string> SupportedFunctions = new(StringComparer.Ordinal)
    {
        "empty", "exists", "count", "not", "hasValue", "first", "last", "tail", "single", "distinct", "isDistinct", "where", "select",
        "all", "trace", "iif", "ofType", "as", "is", "children", "descendants", "resolve", "extension", "union", "toInteger", "toString",
        "startsWith", "endsWith", "contains", "matches", "length", "upper", "lower", "substring",
    };

    private List<object> StringFunction(string name, List<object> input, IReadOnlyList<FhirPathNode> args, object? self)
    {
        if (input.Count == 0)
        {
            return [];
        }

        var text = input is [var item] && (item is ElementNode node ? node.Value : item as string) is { } value
            ? value
            : throw new FhirPathException($"{name}() needs a single string");
        return name switch
        {
            "startsWith" => [text.StartsWith(Argument(args[0], self), StringComparison.Ordinal)],
            "endsWith" => [text.EndsWith(Argument(args[0], self), StringComparison.Ordinal)],
            "contains" => [text.Contains(Argument(args[0], self), StringComparison.Ordinal)],
            "matches" => [Regex.IsMatch(text, Argument(args[0], self), RegexOptions.None, RegexTimeout)],
            "length" => [(long)text.Length],
            "upper" => [text.ToUpperInvariant()],
            "lower" => [text.ToLowerInvariant()],
            "substring" => Substring(text, args, self),
            _ => throw new FhirPathException($"function {name}() is not supported"),
        };
    }

    private List<object> Substring(string text, IReadOnlyList<FhirPathNode> args, object? self)
    {
        var start = Eval(args[0], [self!], self) is [long s] ? (int)s : throw new FhirPathException("substring() needs an integer");
        if (start < 0 || start >= text.Length)
        {
            return [];
        }

        var length = args.Count > 1 && Eval(args[1], [self!], self) is [long l] ? (int)Math.Min(l, text.Length - start) : text.Length - start;
        return [text.Substring(start, length)];
    }

    private List<object> Where(List<object> input, FhirPathNode criteria) =>
        [.. input.Where(item => ToBoolean(Eval(criteria, [item], item)) == true)];

    private string Argument(FhirPathNode argument, object? self) =>
        Eval(argument, self is null ? [] : [self], self) is [var value] && (value is ElementNode n ? n.Value : value as string) is { } text
            ? text
            : throw new FhirPathException("a single string argument is expected");

    private static string TypeName(FhirPathNode argument) => argument is InvocationNode { Arguments: null } type
        ? type.Name
        : throw new FhirPathException("a type name is expected");

    private static IEnumerable<ElementNode> Descendants(ElementNode node)
    {
        foreach (var child in node.Children)
        {
            yield return child;
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private List<object> Resolve(List<object> input)
    {
        var resolver = _environment.Resolver ?? throw new FhirPathException("resolve() has no Bundle to resolve in");
        var result = new List<object>();
        foreach (var item in input)
        {
            var reference = item is ElementNode node ? node.Value ?? node.ChildValue("reference") : item as string;
            if (reference is not null && resolver(reference) is { } target)
            {
                result.Add(target);
            }
        }

        return result;
    }

    private static List<object> Extension(List<object> input, string url) =>
        [.. input.OfType<ElementNode>().SelectMany(node => node.ChildrenNamed("extension")).Where(e => e.ChildValue("url") == url)];

    private static List<object> Convert(List<object> input, Func<string, object?> convert) =>
        input is [var item] && (item is ElementNode node ? node.Value : System.Convert.ToString(item, CultureInfo.InvariantCulture)) is { } text && convert(text) is { } value
            ? [value]
            : [];
}
