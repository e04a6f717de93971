namespace Itk3.Messaging.Validation.Rules;

/// <summary>An absolute directory reference to a participant outside the bundle, e.g. <c>https://directory.spineservices.nhs.uk/STU3/Organization/X26</c>.</summary>
internal static class ExternalParticipant
{
    /// <summary>True for an absolute http(s) URL whose last two segments are Organization|Practitioner and an id; gives the id.</summary>
    public static bool TryParse(string? reference, out string identifier)
    {
        identifier = string.Empty;
        if (!Uri.TryCreate(reference, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length < 2 || segments[^2] is not ("Organization" or "Practitioner") || segments[^1].Length == 0)
        {
            return false;
        }

        identifier = segments[^1];
        return true;
    }
}
