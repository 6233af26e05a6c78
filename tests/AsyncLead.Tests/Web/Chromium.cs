using AsyncLead.Testing.Hosting;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace AsyncLead.Tests.Web;

/// <summary>
/// One headless Chromium for a test class, driven by Debian's chromium and chromium-driver (test.sh installs them).
/// A missing browser fails the tests with what to install: browser tests are never skipped.
/// </summary>
public sealed class Chromium : IDisposable
{
    public const int DesktopWidth = 1280;
    public const int PhoneWidth = 390;

    private static readonly string[] BrowserCandidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private static readonly string[] DriverCandidates = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"];

    private readonly int _driverProcess;

    public Chromium()
    {
        var browser = Find("CHROMIUM_PATH", BrowserCandidates);
        var driver = Find("CHROMEDRIVER_PATH", DriverCandidates);
        if (browser is null || driver is null)
        {
            throw new InvalidOperationException(
                "The browser tests need Chromium and its driver and found " + (browser is null ? "no chromium" : "no chromedriver")
                + " (looked in " + (browser is null ? Searched("CHROMIUM_PATH", BrowserCandidates) : Searched("CHROMEDRIVER_PATH", DriverCandidates)) + "). "
                + "Run ./test.sh, which installs them, or: sudo apt-get install -y chromium chromium-driver "
                + "(or set CHROMIUM_PATH and CHROMEDRIVER_PATH).");
        }

        var options = new ChromeOptions { BinaryLocation = browser, UnhandledPromptBehavior = UnhandledPromptBehavior.Ignore };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-extensions",
            "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1", $"--window-size={DesktopWidth},900");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        // chromedriver and the browser it started die with the test process even if Dispose never runs.
        _driverProcess = service.ProcessId;
        ProcessOwner.TestProcess.Own(_driverProcess);
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(20);
    }

    public ChromeDriver Driver { get; }

    /// <summary>Where screenshots go: TestResults/screenshots beside the test assembly.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Lays the page out as a phone of <paramref name="width"/> CSS pixels would (mobile viewport, touch), or as a desktop.</summary>
    public void Emulate(int width, int height = 900, bool mobile = false) =>
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = mobile,
        });

    /// <summary>Applies the page's stylesheet for <paramref name="media"/> ("print"), or for the screen again with "".</summary>
    public void EmulateMedia(string media) =>
        Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = media });

    /// <summary>The page printed to A4 as the browser's print dialog would; returns the PDF's path.</summary>
    public string SavePdf(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".pdf");
        Driver.Print(new PrintOptions()).SaveAsFile(path);
        return path;
    }

    public T Script<T>(string script, params object[] arguments) => (T)Driver.ExecuteScript(script, arguments)!;

    /// <summary>The page's full height as a PNG at its current width; returns the file's path.</summary>
    public string SaveScreenshot(string name, int width)
    {
        var height = (int)Math.Min(Script<long>("return document.documentElement.scrollHeight;"), 6000);
        Emulate(width, Math.Max(height, 200), mobile: width < DesktopWidth);
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        ProcessOwner.TestProcess.Release(_driverProcess);
    }

    private static string Searched(string variable, string[] candidates) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured ? $"{variable}={configured}" : string.Join(", ", candidates);

    private static string? Find(string variable, string[] candidates) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured
            ? File.Exists(configured) ? configured : null
            : candidates.FirstOrDefault(File.Exists);
}
