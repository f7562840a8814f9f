using Backstride.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Backstride.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real SQLite file in its own temporary data folder, with the real migrations applied
/// at start-up. Tests share one per class and keep apart by registering their own runners.
/// </summary>
public class BackstrideApp : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "backstride-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Configuration on top of appsettings.json, e.g. the SMTP host of a test mail server.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    public string PickupDirectory => Path.Combine(DataDirectory, "mail-pickup");

    /// <summary>Why this app cannot run here (its database is missing); tests are then skipped with it.</summary>
    protected virtual string? UnavailableReason => null;

    public RunnerClient NewRunner()
    {
        if (UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }
        return new RunnerClient(CreateRunnerHttpClient());
    }

    /// <summary>A client with its own cookie jar that does not follow redirects, so tests see them.</summary>
    protected virtual HttpClient CreateRunnerHttpClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Reads the database directly, as one runner (for checks that must bypass the web layer).</summary>
    public async Task<T> ReadAsAsync<T>(Guid? owner, Func<BackstrideDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<BackstrideDbContext>>();
        await using var db = new BackstrideDbContext(options, new FixedDiaryOwner(owner));
        return await read(db);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failed test run should not fail again here.
        }
        GC.SuppressFinalize(this);
    }
}

public static class BackstrideAppExtensions
{
    public static Task<Guid> UserIdAsync(this BackstrideApp app, string email) =>
        app.ReadAsAsync<Guid>(owner: null, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Users.Where(u => u.Email == email).Select(u => u.Id)));
}
