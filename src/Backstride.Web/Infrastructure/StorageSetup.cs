using Backstride.Data;
using Backstride.Data.Diary;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

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
    public const string ReadyTag = "ready";

    public static StorageLocation AddBackstrideStorage(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new();
        var dataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(storage.DataDirectory)
            ? Path.Combine(builder.Environment.ContentRootPath, "App_Data")
            : storage.DataDirectory, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);

        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new();
        string description;
        if (database.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            var file = Path.Combine(dataDirectory, SqliteFileName);
            database.ConnectionString = DatabaseOptions.SqliteConnectionStringFor(file);
            description = file;
        }
        else if (string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            throw new InvalidOperationException(
                $"Database:Provider is {database.Provider}, so Database:ConnectionString must be set (see the README).");
        }
        else
        {
            description = DescribeWithoutSecrets(database);
        }

        builder.Services.AddScoped<IDiaryOwner, SignedInDiaryOwner>();
        builder.Services.AddDbContext<BackstrideDbContext>(options => options.UseBackstrideDatabase(database));
        builder.Services.AddScoped<RunStore>();
        builder.Services.AddScoped<DiaryExportStore>();
        builder.Services.AddScoped<CheckInStore>();
        builder.Services.AddScoped<HistoryQuery>();
        builder.Services.AddScoped<RunnerSettingsStore>();
        builder.Services.AddScoped<BackProfileStore>();
        builder.Services.AddScoped<DoseLogStore>();
        builder.Services.AddScoped<PlanSessionStore>();
        builder.Services.AddScoped<Features.Plans.PlanLoader>();
        builder.Services.AddScoped<TrainingStore>();
        builder.Services.AddScoped<CalendarFeedQuery>();
        builder.Services.AddScoped<Backstride.Data.Accounts.AccountDeletion>();
        builder.Services.AddScoped<InsightStore>();
        builder.Services.AddScoped<Features.Insights.InsightLoader>();
        builder.Services.AddSingleton<Features.Insights.InsightCache>();
        builder.Services.AddScoped<Features.SampleData.SampleRunner>();
        builder.Services.AddHealthChecks().AddDbContextCheck<BackstrideDbContext>("database", tags: [ReadyTag]);

        var location = new StorageLocation(dataDirectory, database.Provider, description);
        builder.Services.AddSingleton(location);
        return location;
    }

    /// <summary>
    /// /health/live answers while the process runs; /health/ready also checks that the database answers,
    /// so a load balancer sends no traffic to an instance that cannot reach it.
    /// </summary>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
    }

    private static string DescribeWithoutSecrets(DatabaseOptions database) => database.Provider switch
    {
        DatabaseProvider.Postgres => new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) is var pg
            ? $"{pg.Host}:{pg.Port}/{pg.Database} as {pg.Username}"
            : "",
        _ => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource,
    };

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
