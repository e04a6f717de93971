using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Itk3.Gateway.Api.Documentation;

/// <summary>Documents raw FHIR bodies (<c>application/fhir+json</c>, <c>application/fhir+xml</c>) as binary, not as base64 strings.</summary>
internal sealed class FhirContentTransformer : IOpenApiDocumentTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            Rewrite(operation.RequestBody?.Content);
            foreach (var response in operation.Responses?.Values.AsEnumerable() ?? [])
            {
                Rewrite(response.Content);
            }
        }

        return Task.CompletedTask;
    }

    private static void Rewrite(IDictionary<string, OpenApiMediaType>? content)
    {
        foreach (var (type, media) in content ?? new Dictionary<string, OpenApiMediaType>())
        {
            if (type.StartsWith("application/fhir+", StringComparison.Ordinal))
            {
                media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }
        }
    }
}
