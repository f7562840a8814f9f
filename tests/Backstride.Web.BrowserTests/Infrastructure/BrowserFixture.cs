using Backstride.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Backstride.Web.BrowserTests.Infrastructure;

/// <summary>
/// The app on real Kestrel and Debian's Chromium driven by Playwright. Without Chromium the browser
/// tests are skipped with the reason on a developer's machine, and fail under CI=true.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public KestrelApp App { get; } = new();

    public IBrowser? Browser { get; private set; }

    public string? MissingReason { get; private set; }

    public Uri BaseAddress => App.ClientOptions.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("BACKSTRIDE_CHROMIUM") ?? ChromiumPath;
        if (!File.Exists(chromium))
        {
            MissingReason = $"Chromium is not installed at {chromium} (apt-get install chromium; test.sh does it).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("CI must run the browser tests: " + MissingReason);
            }
            return;
        }

        App.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh phone-sized browser context (390×844, touch), in the given time zone.</summary>
    public async Task<IPage> NewPhonePageAsync(string timeZone = "Europe/Berlin")
    {
        if (Browser is null)
        {
            Assert.Skip(MissingReason ?? "No browser.");
        }
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            TimezoneId = timeZone,
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>
/// The app factory serving real HTTP on a free port, so a real browser can reach it. Its clock runs in real time
/// but can be moved forward, in step with Playwright's clock in the page, to test timers without waiting.
/// </summary>
public sealed class KestrelApp : BackstrideApp
{
    public KestrelApp() => UseKestrel(0);

    public ShiftableClock Clock { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Real time plus an offset that tests move forward.</summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public void Shift(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
