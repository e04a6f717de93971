using System.Globalization;

namespace Itk3.Fhir.Profiles.FhirPath;

/// <summary>Parses FHIRPath by precedence climbing (the spec's order, from <c>implies</c> down to invocation).</summary>
internal sealed class FhirPathParser
{
    // From the loosest to the tightest binding; "is"/"as" take a type name on their right.
    private static readonly string[][] Levels =
    [
        ["implies"], ["or", "xor"], ["and"], ["in", "contains"], ["=", "~", "!=", "!~"], ["<", ">", "<=", ">="], ["|"],
        ["is", "as"], ["+", "-", "&"], ["*", "/", "div", "mod"],
    ];

    private readonly List<(string Kind, string Text)> _tokens;
    private int _position;

    private FhirPathParser(List<(string Kind, string Text)> tokens) => _tokens = tokens;

    /// <summary>Parses an expression; throws <see cref="FhirPathException"/> when it is not valid FHIRPath.</summary>
    public static FhirPathNode Parse(string expression)
    {
        var parser = new FhirPathParser(FhirPathLexer.Tokenize(expression));
        var node = parser.Binary(0);
        if (parser._position < parser._tokens.Count)
        {
            throw new FhirPathException($"unexpected '{parser._tokens[parser._position].Text}'");
        }

        return node;
    }

    private (string Kind, string Text)? Peek => _position < _tokens.Count ? _tokens[_position] : null;

    private bool IsOperator(string[] ops) =>
        Peek is { } t && (t.Kind == "sym" || t.Kind == "id") && ops.Contains(t.Text, StringComparer.Ordinal);

    private FhirPathNode Binary(int level)
    {
        if (level == Levels.Length)
        {
            return Unary();
        }

        var left = Binary(level + 1);
        while (IsOperator(Levels[level]))
        {
            var op = _tokens[_position++].Text;
            left = op is "is" or "as" ? new TypeNode(op, left, QualifiedName()) : new BinaryNode(op, left, Binary(level + 1));
        }

        return left;
    }

    private FhirPathNode Unary()
    {
        if (IsOperator(["-", "+"]))
        {
            var op = _tokens[_position++].Text;
            return new UnaryNode(op, Unary());
        }

        return Postfix(Term());
    }

    private FhirPathNode Postfix(FhirPathNode node)
    {
        while (Peek is { } t && t.Kind == "sym" && t.Text is "." or "[")
        {
            _position++;
            if (t.Text == "[")
            {
                var index = Binary(0);
                Expect("]");
                node = new IndexerNode(node, index);
            }
            else
            {
                node = Invocation(node);
            }
        }

        return node;
    }

    private FhirPathNode Term()
    {
        var token = Peek ?? throw new FhirPathException("unexpected end of expression");
        switch (token.Kind)
        {
            case "str":
                _position++;
                return new LiteralNode(token.Text);
            case "num":
                _position++;
                return new LiteralNode(token.Text.Contains('.', StringComparison.Ordinal)
                    ? decimal.Parse(token.Text, CultureInfo.InvariantCulture)
                    : (object)long.Parse(token.Text, CultureInfo.InvariantCulture));
            case "date":
                _position++;
                return new LiteralNode(token.Text);
            case "var":
                _position++;
                return new VariableNode(token.Text);
            case "id" when token.Text is "true" or "false":
                _position++;
                return new LiteralNode(token.Text == "true");
            case "id":
                return Invocation(null);
            case "sym" when token.Text == "(":
                _position++;
                var inner = Binary(0);
                Expect(")");
                return inner;
            case "sym" when token.Text == "{":
                _position++;
                Expect("}");
                return new LiteralNode(null);
            default:
                throw new FhirPathException($"unexpected '{token.Text}'");
        }
    }

    private InvocationNode Invocation(FhirPathNode? target)
    {
        var name = Peek is { Kind: "id" } t ? t.Text : throw new FhirPathException("a name is expected");
        _position++;
        if (Peek is not { Kind: "sym", Text: "(" })
        {
            return new InvocationNode(target, name, null);
        }

        _position++;
        var arguments = new List<FhirPathNode>();
        while (Peek is not { Kind: "sym", Text: ")" })
        {
            arguments.Add(Binary(0));
            if (Peek is { Kind: "sym", Text: "," })
            {
                _position++;
            }
            else if (Peek is not { Kind: "sym", Text: ")" })
            {
                throw new FhirPathException("',' or ')' is expected");
            }
        }

        _position++;
        return new InvocationNode(target, name, arguments);
    }

    private string QualifiedName()
    {
        var name = Peek is { Kind: "id" } t ? t.Text : throw new FhirPathException("a type name is expected");
        _position++;
        while (Peek is { Kind: "sym", Text: "." } && _position + 1 < _tokens.Count && _tokens[_position + 1].Kind == "id")
        {
            name = _tokens[_position + 1].Text;
            _position += 2;
        }

        return name;
    }

    private void Expect(string symbol)
    {
        if (Peek is not { Kind: "sym" } t || t.Text != symbol)
        {
            throw new FhirPathException($"'{symbol}' is expected");
        }

        _position++;
    }
}
