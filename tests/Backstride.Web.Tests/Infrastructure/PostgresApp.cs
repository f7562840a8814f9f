using Backstride.Tests.Shared;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace Backstride.Web.Tests.Infrastructure;

/// <summary>One app instance on a PostgreSQL database; several may share one database, as behind a load balancer.</summary>
public sealed class PostgresInstance(string connectionString) : BackstrideApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Database:Provider", "Postgres"),
        new("Database:ConnectionString", connectionString),
    ];
}

/// <summary>The app on its own fresh PostgreSQL database, for suites that run on both providers.</summary>
public sealed class PostgresBackstrideApp(PostgresServer postgres) : BackstrideApp, IAsyncLifetime
{
    private string? _connectionString;

    protected override string? UnavailableReason => _connectionString is null ? postgres.MissingReason ?? "No PostgreSQL." : null;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Database:Provider", "Postgres"),
        new("Database:ConnectionString", _connectionString ?? ""),
    ];

    public async ValueTask InitializeAsync()
    {
        if (postgres.AdminConnectionString is not null)
        {
            _connectionString = await postgres.CreateDatabaseAsync();
        }
    }
}
