using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Itk3.Mesh.Server.Protocol;

/// <summary>Writes error bodies in the shapes of MESH.md §9.1: v1, v2 and request validation.</summary>
internal static class MeshErrors
{
    /// <summary>A MESH error: v2 <c>{"message_id"?,"detail":[{event,code,msg}]}</c> or v1 <c>{"messageID"?,"errorEvent",…}</c>.</summary>
    public static Task WriteAsync(
        HttpContext context, int version, int status, string errorEvent, string code, string message, string? messageId = null)
    {
        if (version >= 2)
        {
            return JsonBody.WriteAsync(context, status, ApiVersion.V2MediaType, w =>
            {
                w.WriteStartObject();
                if (messageId is not null)
                {
                    w.WriteString("message_id", messageId);
                }

                w.WriteStartArray("detail");
                w.WriteStartObject();
                w.WriteString("event", errorEvent);
                w.WriteString("code", code);
                w.WriteString("msg", message);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        return JsonBody.WriteAsync(context, status, JsonBody.Json, w =>
        {
            w.WriteStartObject();
            if (messageId is not null)
            {
                w.WriteString("messageID", messageId);
            }

            w.WriteString("errorEvent", errorEvent);
            w.WriteString("errorCode", code);
            w.WriteString("errorDescription", message);
            w.WriteEndObject();
        });
    }

    /// <summary>Writes a <see cref="MeshError"/>.</summary>
    public static Task WriteAsync(HttpContext context, int version, MeshError error, string? messageId = null) =>
        WriteAsync(context, version, error.Status, error.Event, error.Code, error.Message, messageId);

    /// <summary>A 400 request-validation error: <c>{"detail":[{"loc":[where,name],"msg","type"}]}</c>.</summary>
    public static Task WriteValidationAsync(HttpContext context, IReadOnlyList<ValidationFailure> failures) =>
        JsonBody.WriteAsync(context, StatusCodes.Status400BadRequest, JsonBody.Json, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("detail");
            foreach (var failure in failures)
            {
                WriteFailure(w, failure);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void WriteFailure(Utf8JsonWriter w, ValidationFailure failure)
    {
        w.WriteStartObject();
        w.WriteStartArray("loc");
        w.WriteStringValue(failure.Location);
        w.WriteStringValue(failure.Name);
        w.WriteEndArray();
        w.WriteString("msg", failure.Message);
        w.WriteString("type", failure.Type);
        if (failure.Limit is { } limit)
        {
            w.WriteStartObject("ctx");
            w.WriteNumber("limit_value", limit);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
