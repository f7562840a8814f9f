using Backstride.Data;
using Backstride.Data.Diary;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Web.Infrastructure;

/// <summary>Where Backstride keeps its files; bound from "Storage".</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Empty means App_Data beside the app's content root.</summary>
    public string DataDirectory { get; set; } = "";
}

/// <summary>The data folder and database the running app resolved, logged once at start-up.</summary>
public sealed record StorageLocation(string DataDirectory, DatabaseProvider Provider, string DatabaseDescription);

public static class StorageSetup
{
    public const string SqliteFileName = "backstride.db";

    public static StorageLocation AddBackstrideStorage(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new();
        var dataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(storage.DataDirectory)
            ? Path.Combine(builder.Environment.ContentRootPath, "App_Data")
            : storage.DataDirectory, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);

        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new();
        string description;
        if (string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            var file = Path.Combine(dataDirectory, SqliteFileName);
            database.Provider = DatabaseProvider.Sqlite;
            database.ConnectionString = DatabaseOptions.SqliteConnectionStringFor(file);
            description = file;
        }
        else
        {
            description = "the configured connection string";
        }

        builder.Services.AddScoped<IDiaryOwner, SignedInDiaryOwner>();
        builder.Services.AddDbContext<BackstrideDbContext>(options => options.UseBackstrideDatabase(database));
        builder.Services.AddScoped<RunStore>();
        builder.Services.AddScoped<CheckInStore>();
        builder.Services.AddScoped<HistoryQuery>();
        builder.Services.AddScoped<RunnerSettingsStore>();

        var location = new StorageLocation(dataDirectory, database.Provider, description);
        builder.Services.AddSingleton(location);
        return location;
    }

    /// <summary>Brings the schema up to date before the first request; the app never creates tables any other way.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackstrideDbContext>();
        await DatabaseSetup.MigrateAsync(db);

        var location = app.Services.GetRequiredService<StorageLocation>();
        app.Logger.LogInformation("Data folder: {DataDirectory}", location.DataDirectory);
        app.Logger.LogInformation("Database: {Provider} at {Database}", location.Provider, location.DatabaseDescription);
    }
}
