namespace Itk3.Fhir.Profiles;

/// <summary>Canonical URLs as conformance resources are keyed: without a <c>|version</c> suffix.</summary>
internal static class CanonicalUrl
{
    /// <summary>The URL without its <c>|version</c> suffix (the same string when it has none: no allocation).</summary>
    public static string WithoutVersion(string url) => url.IndexOf('|') is var bar and >= 0 ? url[..bar] : url;
}
