using System.Net;
using Backstride.Tests.Shared;
using Backstride.Web.Tests.Infrastructure;
using Npgsql;

namespace Backstride.Web.Tests.Scaling;

public sealed class HealthEndpointTests(BackstrideApp app, PostgresServer postgres) : IClassFixture<BackstrideApp>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_AppAndDatabaseUp_AnswersHealthyWithoutSigningIn(string path)
    {
        var visitor = app.NewRunner();

        var response = await visitor.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_DatabaseGone_Answers503WhileLiveStaysUp()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var instance = new PostgresInstance(connectionString);
        var visitor = instance.NewRunner();
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync("/health/ready")).StatusCode);

        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(postgres.AdminConnectionString))
        {
            await admin.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await visitor.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync("/health/live")).StatusCode);
    }
}
