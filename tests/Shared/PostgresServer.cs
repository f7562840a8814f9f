using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Backstride.Tests.Shared;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run, started from the system's binaries (initdb, pg_ctl) on a
/// free loopback port, or the server named by BACKSTRIDE_TEST_POSTGRES. Without either, PostgreSQL tests are
/// skipped with the reason on a developer's machine and fail under CI=true.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ConnectionStringVariable = "BACKSTRIDE_TEST_POSTGRES";

    private string? _dataDirectory;
    private string? _pgCtl;

    public string? AdminConnectionString { get; private set; }

    public string? MissingReason { get; private set; }

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            AdminConnectionString = configured;
            return;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(dir => File.Exists(Path.Combine(dir, "initdb")))
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(Path.GetDirectoryName(dir)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        if (bin is null)
        {
            MissingReason = $"No PostgreSQL server binaries (apt-get install postgresql; test.sh does it) and no {ConnectionStringVariable}.";
            if (InCi)
            {
                throw new InvalidOperationException("CI must run the PostgreSQL tests: " + MissingReason);
            }
            return;
        }

        // initdb refuses to run as root, so as root the cluster belongs to the postgres user.
        var asRoot = Environment.UserName == "root";
        _dataDirectory = Path.Combine("/tmp", $"backstride-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dataDirectory);
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _dataDirectory], asPostgres: false);
        }
        _pgCtl = Path.Combine(bin, "pg_ctl");
        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"),
            ["-D", _dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"], asRoot);
        // Durability is not what these tests measure; turning it off makes them several times faster.
        await RunAsync(_pgCtl,
            ["-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "log"), "-w", "-t", "60", "-o",
                $"-p {port} -k {_dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                "start"], asRoot);
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>A new, empty database on the server, so each test class starts from nothing.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (AdminConnectionString is null)
        {
            Assert.Skip(MissingReason ?? "No PostgreSQL server.");
        }
        var name = $"backstride_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDirectory is null || _pgCtl is null)
        {
            return;
        }
        try
        {
            await RunAsync(_pgCtl, ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
        }
        finally
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover folder in /tmp is harmless.
            }
        }
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error} {await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
