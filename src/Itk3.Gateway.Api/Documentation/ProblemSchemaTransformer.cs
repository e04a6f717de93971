using Itk3.Gateway.Api.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Itk3.Gateway.Api.Documentation;

/// <summary>Documents the members this API adds to RFC 7807 problem details: the stable <c>code</c> and, for unreadable payloads, the located FHIR <c>issues</c>.</summary>
internal sealed class ProblemSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly string[] IssueFields = ["code", "severity", "type", "location", "message"];

    /// <inheritdoc />
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(ProblemDetails))
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = $"The stable problem code (for example {ApiProblemCodes.TransactionNotFound}, {ApiProblemCodes.PayloadUnreadable}); see docs/gateway-api.md.",
        };
        schema.Properties["issues"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = $"With {ApiProblemCodes.PayloadUnreadable}, {ApiProblemCodes.PayloadInvalid} and {ApiProblemCodes.PayloadProfileInvalid}: the located issues of the payload (profile issues add profile and elementId).",
            Items = IssueSchema(),
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add("code");
        return Task.CompletedTask;
    }

    private static OpenApiSchema IssueSchema()
    {
        var properties = IssueFields.ToDictionary(f => f, IOpenApiSchema (_) => new OpenApiSchema { Type = JsonSchemaType.String });
        properties["line"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "1-based; 0 when unknown." };
        properties["column"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "1-based; 0 when unknown." };
        properties["profile"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Profile issues only: the profile the rule comes from." };
        properties["elementId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Profile issues only: the element id of the rule (elementId/key for an invariant)." };
        return new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties };
    }
}
