using Itk3.Fhir.Serialization;

namespace Itk3.Messaging.Validation;

/// <summary>
/// Reads FHIR MessageDefinition resources (XML or JSON) into flows: each definition's event, url, version and status
/// (<c>active</c> and <c>draft</c> are supported, <c>retired</c> is known but unsupported: 10005). Explicit flow entries win.
/// </summary>
public static class MessageDefinitionResources
{
    /// <summary>The profile with the definitions added to the flow of their event (a flow is created for a new event).</summary>
    /// <exception cref="FormatException">A resource is not a readable MessageDefinition with url and event; the message names the source.</exception>
    public static ReceiverProfile AddTo(ReceiverProfile profile, IEnumerable<(string Source, ReadOnlyMemory<byte> Content)> resources)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(resources);
        var flows = profile.Flows.ToList();
        foreach (var (source, content) in resources)
        {
            var (eventCode, definition) = Read(source, content);
            var index = flows.FindIndex(f => f.Event == eventCode);
            if (index < 0)
            {
                flows.Add(new ReceiverFlow { Event = eventCode, MessageDefinitions = [definition] });
            }
            else if (flows[index].MessageDefinitions.All(d => d.Url != definition.Url))
            {
                flows[index] = flows[index] with { MessageDefinitions = [.. flows[index].MessageDefinitions, definition] };
            }
        }

        return profile with { Flows = flows, Version = 2 };
    }

    /// <summary>The event code and definition of one MessageDefinition resource.</summary>
    public static (string Event, FlowDefinition Definition) Read(string source, ReadOnlyMemory<byte> content)
    {
        var format = FhirSerializer.DetectFormat(content.Span) ?? throw new FormatException($"{source}: neither XML nor JSON.");
        var parsed = FhirSerializer.Parse(content, format, ParseOptions.Lenient);
        if (parsed.Root is not { ResourceType: "MessageDefinition" } root)
        {
            throw new FormatException($"{source}: not a MessageDefinition resource.");
        }

        var url = root.ChildValue("url") ?? throw new FormatException($"{source}: MessageDefinition.url is missing.");
        var eventCode = root.Select("event.code")?.Value ?? throw new FormatException($"{source}: MessageDefinition.event.code is missing.");
        var definition = new FlowDefinition { Url = url, Version = root.ChildValue("version"), Supported = root.ChildValue("status") != "retired" };
        return (eventCode, definition);
    }
}
