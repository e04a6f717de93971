using Itk3.Mesh.Models;

namespace Itk3.Mesh;

/// <summary>
/// Checks a <see cref="MeshSendRequest"/> before anything is sent (MESH.md §6.1): required headers present, values
/// printable ASCII within the spec's maximum lengths, and no URL in mex-To or mex-WorkflowID.
/// </summary>
internal static class MeshSendValidator
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first offending field.</summary>
    public static void Validate(MeshSendRequest request)
    {
        Check(request.To, nameof(MeshSendRequest.To), 100, required: true);
        Check(request.WorkflowId, nameof(MeshSendRequest.WorkflowId), 300, required: true);
        Check(request.Subject, nameof(MeshSendRequest.Subject), 500);
        Check(request.LocalId, nameof(MeshSendRequest.LocalId), 300);
        Check(request.FileName, nameof(MeshSendRequest.FileName), 300);
        Check(request.PartnerId, nameof(MeshSendRequest.PartnerId), 500);
        Check(request.ContentChecksum, nameof(MeshSendRequest.ContentChecksum), 100);
        Check(request.ContentType, nameof(MeshSendRequest.ContentType), 100);
        foreach (var (value, name) in new[] { (request.To, "To"), (request.WorkflowId, "WorkflowId") })
        {
            if (value.TrimStart().StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
                value.TrimStart().StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{name} must not be a URL.", nameof(request));
            }
        }
    }

    private static void Check(string? value, string name, int maxLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                throw new ArgumentException($"{name} is required.", name);
            }

            return;
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"{name} is longer than {maxLength} characters.", name);
        }

        if (value.Any(c => c < 0x20 || c > 0x7E))
        {
            throw new ArgumentException($"{name} must be printable ASCII.", name);
        }
    }
}
