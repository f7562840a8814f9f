using Backstride.Tests.Shared;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace Backstride.Web.Tests.Infrastructure;

/// <summary>
/// One app instance on real Kestrel (its own port) over a PostgreSQL database; several may share one database,
/// as behind a load balancer.
/// </summary>
public sealed class PostgresInstance : BackstrideApp
{
    private readonly string _connectionString;

    public PostgresInstance(string connectionString)
    {
        _connectionString = connectionString;
        UseKestrel(0);
        StartServer();
    }

    /// <summary>A plain HTTP client to this instance's port that keeps its cookies in a jar other clients may share.</summary>
    public HttpClient ClientWith(System.Net.CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = ClientOptions.BaseAddress,
        };

    protected override HttpClient CreateRunnerHttpClient() => ClientWith(new System.Net.CookieContainer());

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Database:Provider", "Postgres"),
        new("Database:ConnectionString", _connectionString),
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
