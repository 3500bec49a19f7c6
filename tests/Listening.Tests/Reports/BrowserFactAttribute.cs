namespace Listening.Tests.Reports;

/// <summary>
/// A fact that opens pages in headless Chromium: reported as skipped (saying what to install) on a machine without the
/// browser; under CI=true it runs and fails instead, so that CI never passes without having measured the page.
/// scripts/test.sh installs the browser (scripts/install-test-deps.sh), so the README's test command always runs these.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && HeadlessChromium.Find() is null)
            Skip = "headless Chromium not found (/usr/bin/chromium or CHROMIUM): run scripts/install-test-deps.sh (Debian package chromium)";
    }
}
