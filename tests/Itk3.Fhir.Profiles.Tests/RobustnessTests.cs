using Itk3.Fhir.ElementModel;

namespace Itk3.Fhir.Profiles.Tests;

public sealed class RobustnessTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void The_validator_never_throws_on_randomly_mutated_letters(int seed)
    {
        var random = new Random(seed);
        var letter = LetterFixture.Parse(LetterFixture.LetterJson());
        for (var round = 0; round < 200; round++)
        {
            var mutated = Mutate(letter, random);
            var exception = Record.Exception(() => LetterFixture.Validator.Validate(mutated, [LetterFixture.LetterBundle]));
            Assert.True(exception is null, $"seed {seed}, round {round}: {exception}");
        }
    }

    private static ElementNode Mutate(ElementNode node, Random random)
    {
        var children = new List<ElementNode>();
        foreach (var child in node.Children)
        {
            switch (random.Next(12))
            {
                case 0:
                    continue;
                case 1:
                    children.Add(Mutate(child, random));
                    children.Add(child);
                    break;
                case 2:
                    children.Add(new ElementNode(child.Name, child.Value is null ? null : "x" + child.Value, child.Children, child.ResourceType, child.Position));
                    break;
                default:
                    children.Add(Mutate(child, random));
                    break;
            }
        }

        return new ElementNode(node.Name, node.Value, children, node.ResourceType, node.Position);
    }
}
