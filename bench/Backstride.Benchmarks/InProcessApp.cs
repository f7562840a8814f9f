using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Backstride.Benchmarks;

/// <summary>The real app hosted in-process (as the HTTP tests host it) on SQLite in a temporary data folder.</summary>
public sealed class InProcessApp : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "backstride-bench", Guid.NewGuid().ToString("N"));

    public InProcessApp()
    {
        // The factory finds the web project by this variable (tests find it through their build metadata instead).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BACKSTRIDE_WEB", WebProjectDirectory());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string WebProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Backstride.Web");
            if (File.Exists(Path.Combine(candidate, "Backstride.Web.csproj")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("src/Backstride.Web was not found above the benchmark's folder.");
    }
}
