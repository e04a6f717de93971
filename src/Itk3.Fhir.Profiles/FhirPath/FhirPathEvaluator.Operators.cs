using System.Globalization;
using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Profiles.FhirPath;

/// <summary>Binary operators: boolean logic, equality, comparison, union, membership and arithmetic.</summary>
internal sealed partial class FhirPathEvaluator
{
    private List<object> Binary(BinaryNode binary, List<object> focus, object? self)
    {
        switch (binary.Operator)
        {
            case "and" or "or" or "xor" or "implies":
                return Logic(binary, focus, self);
        }

        var left = Eval(binary.Left, focus, self);
        var right = Eval(binary.Right, focus, self);
        return binary.Operator switch
        {
            "|" => Distinct([.. left, .. right]),
            "=" or "!=" or "~" or "!~" => Equality(binary.Operator, left, right),
            "in" => Membership(left, right),
            "contains" => Membership(right, left),
            "<" or ">" or "<=" or ">=" => Compare(binary.Operator, left, right),
            "&" => [string.Concat(ToText(left), ToText(right))],
            _ => Arithmetic(binary.Operator, left, right),
        };
    }

    private List<object> Logic(BinaryNode binary, List<object> focus, object? self)
    {
        var left = ToBoolean(Eval(binary.Left, focus, self));
        if ((binary.Operator == "and" && left == false) || (binary.Operator == "or" && left == true))
        {
            return Bool(left.Value);
        }

        if (binary.Operator == "implies" && left == false)
        {
            return Bool(true);
        }

        var right = ToBoolean(Eval(binary.Right, focus, self));
        bool? result = binary.Operator switch
        {
            "and" => right == false ? false : left == true && right == true ? true : null,
            "or" => right == true ? true : left == false && right == false ? false : null,
            "xor" => left is null || right is null ? null : left != right,
            _ => right == true ? true : left == true && right == false ? false : null,
        };
        return result is null ? [] : Bool(result.Value);
    }

    /// <summary>The singleton boolean of a collection: empty → null; a boolean item or a node with a boolean value → that value.</summary>
    internal static bool? ToBoolean(List<object> items) => items switch
    {
        [] => null,
        [bool b] => b,
        [ElementNode { Value: "true" }] => true,
        [ElementNode { Value: "false" }] => false,
        [_] => true,
        _ => throw new FhirPathException("a single boolean is expected, found several items"),
    };

    private static List<object> Equality(string op, List<object> left, List<object> right)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            return op switch { "~" => [left.Count == right.Count], "!~" => [left.Count != right.Count], _ => [] };
        }

        var equal = left.Count == right.Count && left.Zip(right).All(pair => ItemsEqual(pair.First, pair.Second, op.Contains('~')));
        return Bool(op.StartsWith('!') ? !equal : equal);
    }

    /// <summary>Item equality: primitives by value (numbers numerically), nodes by their whole content.</summary>
    internal static bool ItemsEqual(object left, object right, bool equivalent)
    {
        if (left is ElementNode { Value: null } l && right is ElementNode { Value: null } r)
        {
            return l.Children.Count == r.Children.Count && l.Children.Zip(r.Children).All(p => p.First.Name == p.Second.Name && ItemsEqual(p.First, p.Second, equivalent));
        }

        var a = Primitive(left);
        var b = Primitive(right);
        if (a is null || b is null)
        {
            return false;
        }

        if ((a is not string || b is not string) && TryNumber(a, out var x) && TryNumber(b, out var y))
        {
            return x == y;
        }

        var sa = ToInvariant(a);
        var sb = ToInvariant(b);
        return equivalent ? string.Equals(sa.Trim(), sb.Trim(), StringComparison.OrdinalIgnoreCase) : sa == sb;
    }

    private static object? Primitive(object item) => item is ElementNode node ? node.Value : item;

    private static bool TryNumber(object value, out decimal number)
    {
        switch (value)
        {
            case long l:
                number = l;
                return true;
            case decimal d:
                number = d;
                return true;
            case string s:
                return decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            default:
                number = 0;
                return false;
        }
    }

    private static string ToInvariant(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static List<object> Distinct(List<object> items)
    {
        var result = new List<object>();
        foreach (var item in items)
        {
            if (!result.Exists(existing => ItemsEqual(existing, item, false)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static List<object> Membership(List<object> item, List<object> collection) => item switch
    {
        [] => [],
        [var single] => [collection.Exists(c => ItemsEqual(single, c, false))],
        _ => throw new FhirPathException("'in' needs a single item"),
    };

    private static List<object> Compare(string op, List<object> left, List<object> right)
    {
        if (left is not [var l] || right is not [var r] || Primitive(l) is not { } a || Primitive(r) is not { } b)
        {
            return [];
        }

        var order = TryNumber(a, out var x) && TryNumber(b, out var y) ? x.CompareTo(y) : string.CompareOrdinal(ToInvariant(a), ToInvariant(b));
        return Bool(op switch { "<" => order < 0, ">" => order > 0, "<=" => order <= 0, _ => order >= 0 });
    }

    private static string ToText(List<object> items) => items is [var item] && Primitive(item) is { } p ? ToInvariant(p) : string.Empty;

    private static List<object> Arithmetic(string op, List<object> left, List<object> right)
    {
        if (left is not [var l] || right is not [var r] || Primitive(l) is not { } a || Primitive(r) is not { } b)
        {
            return [];
        }

        // Element values are text: they add as numbers when both read as numbers and neither side is a string literal.
        var numeric = TryNumber(a, out var x) & TryNumber(b, out var y) && l is not string && r is not string;
        if (op == "+" && !numeric)
        {
            return [ToInvariant(a) + ToInvariant(b)];
        }

        if (!numeric)
        {
            throw new FhirPathException($"operator {op} needs numbers");
        }

        return op switch
        {
            "+" => [x + y],
            "-" => [x - y],
            "*" => [x * y],
            "/" => y == 0 ? [] : [x / y],
            "div" => y == 0 ? [] : [(long)decimal.Truncate(x / y)],
            "mod" => y == 0 ? [] : [x % y],
            _ => throw new FhirPathException($"operator {op} is not supported"),
        };
    }
}
