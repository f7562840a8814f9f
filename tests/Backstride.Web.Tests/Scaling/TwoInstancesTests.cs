using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Backstride.Tests.Shared;
using Backstride.Web.Tests.Infrastructure;

namespace Backstride.Web.Tests.Scaling;

/// <summary>Two app instances (two Kestrel servers) on one PostgreSQL database, as behind a load balancer: a runner moves between them unnoticed.</summary>
public sealed partial class TwoInstancesTests(PostgresServer postgres)
{
    [Fact]
    public async Task Runner_SignedInOnTheFirstInstance_ReadsAndWritesTheDiaryThroughTheSecond()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var first = new PostgresInstance(connectionString);
        await using var second = new PostgresInstance(connectionString);
        // One browser's cookie jar; the two instances listen on two ports of the same host.
        var cookies = new CookieContainer();
        var onFirst = new RunnerClient(first.ClientWith(cookies));
        var onSecond = new RunnerClient(second.ClientWith(cookies));
        Assert.NotEqual(first.ClientOptions.BaseAddress.Port, second.ClientOptions.BaseAddress.Port);

        await onFirst.RegisterAsync(timeZone: "UTC");
        var history = await onSecond.Http.GetAsync("/history");
        // A form rendered by the first instance, posted to the second.
        var token = await onFirst.AntiforgeryTokenAsync("/runs/new");
        var posted = await onSecond.PostWithTokenAsync("/runs/new", token,
            ("Input.StartedAt", "2026-11-20T07:00"), ("Input.Distance", "10"), ("Input.Minutes", "50"),
            ("Input.Surface", "Road"));
        var runsOnFirst = await onFirst.Http.GetFromJsonAsync<JsonElement>("/api/v1/runs");

        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var run = Assert.Single(runsOnFirst.GetProperty("items").EnumerateArray());
        Assert.Equal(10_000, run.GetProperty("distanceMetres").GetDouble());
    }

    [Fact]
    public async Task PasswordResetLink_MadeByTheFirstInstance_WorksOnTheSecond()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var first = new PostgresInstance(connectionString);
        await using var second = new PostgresInstance(connectionString);
        var runner = await first.NewRunner().RegisterAsync();

        await first.NewRunner().PostFormAsync("/account/forgot-password", ("Email", runner.Email));
        var mail = MimeKit.MimeMessage.Load(Assert.Single(Directory.GetFiles(first.PickupDirectory, "*.eml")));
        var link = new Uri(ResetLink().Match(mail.TextBody ?? "").Value);
        var onSecond = second.NewRunner();
        var form = await onSecond.GetPageAsync(link.PathAndQuery);
        var reset = await onSecond.PostFormAsync(link.PathAndQuery,
            ("Email", runner.Email), ("Code", form.QuerySelector("input[name=Code]")!.GetAttribute("value")!),
            ("Password", "a new password for both"));
        var signIn = await first.NewRunner().PostFormAsync("/account/sign-in",
            ("Input.Email", runner.Email), ("Input.Password", "a new password for both"));

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task BearerToken_IssuedByTheFirstInstance_IsAcceptedByTheSecond()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var first = new PostgresInstance(connectionString);
        await using var second = new PostgresInstance(connectionString);
        var runner = await first.NewRunner().RegisterWithTokenAsync();
        var onSecond = second.NewRunner();
        onSecond.Http.DefaultRequestHeaders.Authorization = runner.Http.DefaultRequestHeaders.Authorization;

        var created = await onSecond.Http.PostAsJsonAsync("/api/v1/check-ins",
            new { recordedAt = "2026-11-20T08:00:00Z", pain = 3, stiffness = "mild", legSpread = "no" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var onFirst = await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/check-ins");
        Assert.Equal(3, Assert.Single(onFirst.GetProperty("items").EnumerateArray()).GetProperty("pain").GetInt32());
    }

    [GeneratedRegex(@"http://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
