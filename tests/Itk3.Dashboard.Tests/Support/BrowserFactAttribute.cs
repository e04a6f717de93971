namespace Itk3.Dashboard.Tests.Support;

/// <summary>A fact that drives Debian's chromium: skipped with the reason when /usr/bin/chromium is missing, except in CI (CI=true), where it must run.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>The browser the tests drive (browser downloads are impossible here; .ci/run installs the Debian package).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Sets <see cref="FactAttribute.Skip"/> when chromium is absent outside CI.</summary>
    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"chromium is not installed at {ChromiumPath} (apt-get install chromium); CI installs it and runs these tests";
        }
    }
}
