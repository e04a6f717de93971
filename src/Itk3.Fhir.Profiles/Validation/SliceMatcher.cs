using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Profiles.Definitions;
using Itk3.Fhir.Profiles.FhirPath;

namespace Itk3.Fhir.Profiles.Validation;

/// <summary>
/// Decides which slice an item belongs to, by the discriminators of the slicing (value, pattern, type, profile, exists).
/// A discriminator whose expected value the slice does not state, or whose path cannot be evaluated, leaves the item undecided.
/// </summary>
internal sealed class SliceMatcher
{
    private readonly ValidationRun _run;
    private readonly Scope _scope;

    /// <summary>Creates a matcher for a run and scope.</summary>
    public SliceMatcher(ValidationRun run, Scope scope)
    {
        _run = run;
        _scope = scope;
    }

    /// <summary>The index of the first slice the item matches (or -1), and whether some slice could not be decided.</summary>
    public (int Index, bool Undecided) Match(ElementNode item, CompiledElement sliced)
    {
        var discriminators = sliced.Definition.Slicing?.Discriminators ?? [];
        if (discriminators.Count == 0)
        {
            return (-1, sliced.Slices.Count > 0);
        }

        // What each discriminator path selects in the item is the same for every slice: evaluated once, on first use.
        var values = new DiscriminatorValues(this, item, discriminators);
        var undecided = false;
        for (var s = 0; s < sliced.Slices.Count; s++)
        {
            var result = MatchAll(sliced.Slices[s], discriminators, values);
            if (result == true)
            {
                return (s, false);
            }

            undecided |= result is null;
        }

        return (-1, undecided);
    }

    private bool? MatchAll(CompiledElement slice, IReadOnlyList<Discriminator> discriminators, DiscriminatorValues values)
    {
        var all = true;
        for (var d = 0; d < discriminators.Count; d++)
        {
            var result = MatchOne(slice, discriminators[d], values.Get(d));
            if (result == false)
            {
                return false;
            }

            all &= result == true;
        }

        return all ? true : null;
    }

    /// <summary>The nodes a discriminator path selects in an item, or null when the path cannot be evaluated.</summary>
    private List<ElementNode>? Select(ElementNode item, string path)
    {
        if (path == "$this")
        {
            return [item];
        }

        try
        {
            var selected = Evaluate(item, path);
            var nodes = new List<ElementNode>(selected.Count);
            foreach (var value in selected)
            {
                if (value is ElementNode node)
                {
                    nodes.Add(node);
                }
            }

            return nodes;
        }
        catch (FhirPathException)
        {
            return null;
        }
    }

    private bool? MatchOne(CompiledElement slice, Discriminator discriminator, List<ElementNode>? nodes)
    {
        if (nodes is null)
        {
            return null;
        }

        var target = slice.DiscriminatorTarget(_run.Validator, discriminator.Path);
        return discriminator.Type switch
        {
            "value" => target?.Definition.Fixed is { } f ? nodes.Any(n => ValueComparer.EqualsFixed(n, f))
                : target?.Definition.Pattern is { } p ? nodes.Any(n => ValueComparer.MatchesPattern(n, p)) : null,
            "pattern" => target?.Definition.Pattern is { } pattern ? nodes.Any(n => ValueComparer.MatchesPattern(n, pattern))
                : target?.Definition.Fixed is { } fixedValue ? nodes.Any(n => ValueComparer.EqualsFixed(n, fixedValue)) : null,
            "exists" => target is null ? null
                : target.Definition.Min > 0 ? nodes.Count > 0 : target.Definition.Max == 0 ? nodes.Count == 0 : null,
            "type" => target is null || target.Definition.Types.Count == 0 ? null
                : nodes.Count > 0 && nodes.All(n => target.Definition.Types.Any(t => TypeOf(n, target) is { } type ? type == t.Code : FhirPathEvaluator.IsType(n, t.Code))),
            "profile" => MatchProfile(nodes, target),
            _ => null,
        };
    }

    private static string? TypeOf(ElementNode node, CompiledElement target) =>
        node.IsResource ? node.ResourceType : target.Definition.IsChoice ? target.ConcreteType(node.Name) : null;

    private bool? MatchProfile(List<ElementNode> nodes, CompiledElement? target)
    {
        var urls = target?.Definition.Types.Select(t => t.TargetProfile ?? t.Profile).OfType<string>().ToList() ?? [];
        if (urls.Count == 0 || nodes.Count == 0)
        {
            return nodes.Count == 0 ? false : null;
        }

        foreach (var url in urls)
        {
            if (_run.Validator.GetProfile(url, out _) is not { } profile)
            {
                return null;
            }

            var resources = nodes.Where(n => n.IsResource).ToList();
            if (resources.Count > 0 && resources.All(r => r.ResourceType == profile.Definition.Type && _run.MeetsProfile(r, url, () => Probe(r, profile))))
            {
                return true;
            }
        }

        return false;
    }

    private bool Probe(ElementNode resource, CompiledProfile profile)
    {
        var probe = new ValidationRun(_run);
        new ElementWalker(probe).ValidateAgainst(resource, profile, resource.ResourceType!);
        return !probe.Issues.Any(issue => issue.IsError);
    }

    /// <summary>The per-item cache of discriminator selections.</summary>
    private sealed class DiscriminatorValues(SliceMatcher matcher, ElementNode item, IReadOnlyList<Discriminator> discriminators)
    {
        private readonly List<ElementNode>?[] _nodes = new List<ElementNode>?[discriminators.Count];
        private readonly bool[] _done = new bool[discriminators.Count];

        public List<ElementNode>? Get(int index)
        {
            if (!_done[index])
            {
                _nodes[index] = matcher.Select(item, discriminators[index].Path);
                _done[index] = true;
            }

            return _nodes[index];
        }
    }

    private List<object> Evaluate(ElementNode item, string path) =>
        FhirPathEvaluator.Evaluate(_run.Validator.ParseDiscriminator(path), item, _run.Environment(_scope.Resource));
}
