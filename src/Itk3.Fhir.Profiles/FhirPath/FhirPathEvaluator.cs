using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Profiles.FhirPath;

/// <summary>
/// Evaluates parsed FHIRPath over the untyped element tree. Items are <see cref="ElementNode"/>s or system values
/// (string, bool, long, decimal). Anything unsupported throws <see cref="FhirPathException"/>, so a caller can report
/// "not checked" instead of passing silently.
/// </summary>
internal sealed partial class FhirPathEvaluator
{
    private static readonly object True = true;
    private static readonly object False = false;
    private readonly FhirPathEnvironment _environment;
    private readonly ElementNode _context;

    private FhirPathEvaluator(FhirPathEnvironment environment, ElementNode context)
    {
        _environment = environment;
        _context = context;
    }

    /// <summary>Evaluates an expression with <paramref name="context"/> as <c>$this</c> and <c>%context</c>.</summary>
    public static List<object> Evaluate(FhirPathNode expression, ElementNode context, FhirPathEnvironment environment) =>
        new FhirPathEvaluator(environment, context).Eval(expression, [context], context);

    private List<object> Eval(FhirPathNode node, List<object> focus, object? self) => node switch
    {
        LiteralNode literal => literal.Value is null ? [] : [literal.Value],
        VariableNode variable => Variable(variable.Name, self),
        InvocationNode { Target: null } invocation => Invoke(invocation, self is null ? [] : [self], self, isRoot: true),
        InvocationNode invocation => Invoke(invocation, Eval(invocation.Target, focus, self), self, isRoot: false),
        IndexerNode indexer => Index(Eval(indexer.Target, focus, self), Eval(indexer.Index, focus, self)),
        UnaryNode unary => Negate(unary, Eval(unary.Operand, focus, self)),
        TypeNode type => TypeOperator(type.Operator, Eval(type.Operand, focus, self), type.TypeName),
        BinaryNode binary => Binary(binary, focus, self),
        _ => throw new FhirPathException("unsupported expression"),
    };

    /// <summary>A one-item collection of a boolean, without boxing it again.</summary>
    private static List<object> Bool(bool value) => [value ? True : False];

    private List<object> Variable(string name, object? self) => name switch
    {
        "$this" => self is null ? [] : [self],
        "%resource" or "%rootResource" => [_environment.Resource],
        "%context" => [_context],
        "%ucum" => ["http://unitsofmeasure.org"],
        "%sct" => ["http://snomed.info/sct"],
        "%loinc" => ["http://loinc.org"],
        _ => throw new FhirPathException($"variable {name} is not supported"),
    };

    private List<object> Invoke(InvocationNode invocation, List<object> input, object? self, bool isRoot)
    {
        if (invocation.Arguments is not null)
        {
            return Function(invocation.Name, input, invocation.Arguments, self);
        }

        var result = new List<object>();
        foreach (var item in input)
        {
            if (item is not ElementNode element)
            {
                continue;
            }

            if (isRoot && element.IsResource && element.ResourceType == invocation.Name)
            {
                result.Add(element);
                continue;
            }

            AddChildren(element, invocation.Name, result);
        }

        return result;
    }

    /// <summary>Children by name; a choice element (<c>value</c>) matches its typed wire names (<c>valueQuantity</c>).</summary>
    internal static void AddChildren(ElementNode element, string name, List<object> result)
    {
        var before = result.Count;
        foreach (var child in element.Children)
        {
            if (child.Name == name)
            {
                result.Add(child);
            }
        }

        if (result.Count > before)
        {
            return;
        }

        foreach (var child in element.Children)
        {
            if (Validation.ChoiceNames.IsTypedName(child.Name, name))
            {
                result.Add(child);
            }
        }
    }

    private static List<object> Index(List<object> input, List<object> index) =>
        index is [long i] && i >= 0 && i < input.Count ? [input[(int)i]] : [];

    private static List<object> Negate(UnaryNode unary, List<object> operand) => (unary.Operator, operand) switch
    {
        ("+", _) => operand,
        (_, [long l]) => [-l],
        (_, [decimal d]) => [-d],
        (_, []) => [],
        _ => throw new FhirPathException("unary minus needs a number"),
    };

    private static List<object> TypeOperator(string op, List<object> operand, string typeName)
    {
        if (op == "is")
        {
            return operand.Count switch
            {
                0 => [],
                1 => [IsType(operand[0], typeName)],
                _ => throw new FhirPathException("'is' needs a single item"),
            };
        }

        return [.. operand.Where(item => IsType(item, typeName))];
    }

    /// <summary>Whether an item is of a type: a resource by its type, an element by the type suffix of its wire name.</summary>
    internal static bool IsType(object item, string typeName) => item switch
    {
        ElementNode { IsResource: true } resource => resource.ResourceType == typeName || typeName is "Resource" or "DomainResource",
        ElementNode element => element.Name.Length > typeName.Length
            && element.Name.EndsWith(char.ToUpperInvariant(typeName[0]) + typeName[1..], StringComparison.Ordinal),
        string => typeName is "string" or "String",
        bool => typeName is "boolean" or "Boolean",
        long => typeName is "integer" or "Integer",
        decimal => typeName is "decimal" or "Decimal",
        _ => false,
    };
}
