using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backstride.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Web.Tests.Runs;

public abstract class RunPagesTests(BackstrideApp app)
{
    [Fact]
    public async Task NewRun_Valid_SavesInUtcAndLeadsToTheCheckInForThatRun()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "Europe/Berlin");

        var runId = await runner.LogRunAsync(startedAt: "2026-11-20T07:30", distance: "10", minutes: "50",
            surface: "Trail", shoes: "Pegasus 40", notes: "Hilly loop");

        var run = await runner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{runId}");
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 6, 30, 0, TimeSpan.Zero), run.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(10_000, run.GetProperty("distanceMetres").GetDouble());
        Assert.Equal(3000, run.GetProperty("durationSeconds").GetDouble());
        Assert.Equal("trail", run.GetProperty("surface").GetString());
        Assert.Equal("Pegasus 40", run.GetProperty("shoes").GetString());
        var checkIn = await runner.GetPageAsync($"/check-ins/new?runId={runId}");
        Assert.Contains("Fri 20 Nov, 07:30 · 10 km", checkIn.QuerySelector(".for-run")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewRun_ShownInHistoryWithDerivedPaceInTheRunnersUnits()
    {
        var runner = await app.NewRunner().RegisterAsync();
        await runner.PostFormAsync("/settings", ("Input.Units", "Miles"), ("Input.TimeZoneId", "Europe/Berlin"));

        await runner.LogRunAsync(distance: "5", minutes: "40");

        var history = await runner.GetPageAsync("/history");
        var figures = history.QuerySelector(".run-figures")!.TextContent;
        Assert.Contains("5 mi", figures, StringComparison.Ordinal);
        Assert.Contains("40:00", figures, StringComparison.Ordinal);
        Assert.Contains("8:00 /mi", figures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewRun_InvalidValues_ShowsEachMessageKeepsWhatWasTypedAndSavesNothing()
    {
        var runner = await app.NewRunner().RegisterAsync();

        var response = await runner.PostFormAsync("/runs/new",
            ("Input.StartedAt", "2099-01-01T07:00"), ("Input.Distance", "-3"), ("Input.Hours", "0"),
            ("Input.Minutes", "0"), ("Input.Seconds", "0"), ("Input.Surface", "Road"),
            ("Input.Effort", "11"), ("Input.Notes", "felt odd"), ("Input.Shoes", "Old pair"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("can't be in the future", page.QuerySelector("#startedat-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("more than zero", page.QuerySelector("#distance-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("more than zero", page.QuerySelector("#duration-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 (very easy) to 10", page.QuerySelector("#effort-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("-3", page.QuerySelector("#Input_Distance")!.GetAttribute("value"));
        Assert.Equal("2099-01-01T07:00", page.QuerySelector("#Input_StartedAt")!.GetAttribute("value"));
        Assert.Equal("felt odd", page.QuerySelector("#Input_Notes")!.TextContent);
        Assert.Equal("Old pair", page.QuerySelector("#Input_Shoes")!.GetAttribute("value"));
        var runs = await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/runs");
        Assert.Equal(0, runs.GetProperty("items").GetArrayLength());
        var userId = await app.UserIdAsync(runner.Email);
        Assert.Equal(0, await app.ReadAsAsync(userId, db => db.Shoes.CountAsync()));
    }

    [Fact]
    public async Task NewRun_TextWhereANumberBelongs_KeepsTheTextAndSaysWhatIsWrong()
    {
        var runner = await app.NewRunner().RegisterAsync();

        var response = await runner.PostFormAsync("/runs/new",
            ("Input.StartedAt", "2026-11-20T07:00"), ("Input.Distance", "ten"), ("Input.Minutes", "50"),
            ("Input.Surface", "Road"));

        var page = await RunnerClient.ParseAsync(response);
        Assert.Equal("ten", page.QuerySelector("#Input_Distance")!.GetAttribute("value"));
        Assert.Contains("not valid", page.QuerySelector("#distance-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewRun_AbsurdPace_RefusedOnDuration()
    {
        var runner = await app.NewRunner().RegisterAsync();

        var response = await runner.PostFormAsync("/runs/new",
            ("Input.StartedAt", "2026-11-20T07:00"), ("Input.Distance", "42"), ("Input.Minutes", "50"),
            ("Input.Surface", "Road"));

        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("faster than 2:00 per km", page.QuerySelector("#duration-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditRun_NewValues_ReplaceTheOldAndReuseTheNamedShoes()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var runId = await runner.LogRunAsync(distance: "8", shoes: "Pegasus 40");

        var response = await runner.PostFormAsync($"/runs/{runId}/edit",
            ("Input.StartedAt", "2026-11-21T18:05"), ("Input.Distance", "12.5"), ("Input.Hours", "1"),
            ("Input.Minutes", "5"), ("Input.Seconds", "30"), ("Input.Surface", "Track"),
            ("Input.Shoes", " pegasus 40 "), ("Input.StretchedBefore", "true"), ("Input.Effort", "7"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var run = await runner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{runId}");
        Assert.Equal(12_500, run.GetProperty("distanceMetres").GetDouble());
        Assert.Equal(3930, run.GetProperty("durationSeconds").GetDouble());
        Assert.True(run.GetProperty("stretchedBefore").GetBoolean());
        Assert.Equal(7, run.GetProperty("effort").GetInt32());
        Assert.Equal("Pegasus 40", run.GetProperty("shoes").GetString());
        var userId = await app.UserIdAsync(runner.Email);
        Assert.Equal(1, await app.ReadAsAsync(userId, db => db.Shoes.CountAsync()));
    }

    [Fact]
    public async Task EditRun_NotesOnlyInMiles_KeepsTheExactStoredDistance()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();
        var created = await (await runner.Http.PostAsJsonAsync("/api/v1/runs", new
        {
            startedAt = "2026-11-20T07:00:00Z", distanceMetres = 10_000, durationSeconds = 3000, surface = "road",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        await runner.Http.PutAsJsonAsync("/api/v1/settings", new { units = "miles", timeZone = "UTC" });
        var cookieRunner = app.NewRunner();
        await cookieRunner.PostFormAsync("/account/sign-in", ("Input.Email", runner.Email), ("Input.Password", RunnerClient.Password));
        var form = await cookieRunner.GetPageAsync($"/runs/{id}/edit");
        var shownDistance = form.QuerySelector("#Input_Distance")!.GetAttribute("value")!;

        var response = await cookieRunner.PostFormAsync($"/runs/{id}/edit",
            ("Input.StartedAt", "2026-11-20T07:00"), ("Input.Distance", shownDistance), ("Input.Hours", "0"),
            ("Input.Minutes", "50"), ("Input.Seconds", "0"), ("Input.Surface", "Road"), ("Input.Notes", "added a note"));

        Assert.Equal("6.21", shownDistance);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var run = await runner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{id}");
        Assert.Equal(10_000, run.GetProperty("distanceMetres").GetDouble());
        Assert.Equal("added a note", run.GetProperty("notes").GetString());
    }

    [Fact]
    public async Task EditRun_FormShowsTheStoredValuesInLocalTime()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "America/New_York");
        var runId = await runner.LogRunAsync(startedAt: "2026-11-20T06:15", distance: "7.25", hours: "0", minutes: "41", seconds: "9");

        var form = await runner.GetPageAsync($"/runs/{runId}/edit");

        Assert.Equal("2026-11-20T06:15", form.QuerySelector("#Input_StartedAt")!.GetAttribute("value"));
        Assert.Equal("7.25", form.QuerySelector("#Input_Distance")!.GetAttribute("value"));
        Assert.Equal("41", form.QuerySelector("input[name='Input.Minutes']")!.GetAttribute("value"));
        Assert.Equal("9", form.QuerySelector("input[name='Input.Seconds']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task DeleteRun_KeepsItsCheckInsInTheHistoryWithoutARun()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var runId = await runner.LogRunAsync();
        await runner.CheckInAsync(runId, pain: 4, notes: "keep me");

        var confirm = await runner.GetPageAsync($"/runs/{runId}/delete");
        var response = await runner.PostFormAsync($"/runs/{runId}/delete");

        Assert.Contains("check-in stays", confirm.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await runner.Http.GetAsync($"/api/v1/runs/{runId}")).StatusCode);
        var checkIns = await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/check-ins");
        var kept = Assert.Single(checkIns.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("runId").ValueKind);
        Assert.Equal("keep me", kept.GetProperty("notes").GetString());
        var history = await runner.GetPageAsync("/history");
        Assert.Contains("Pain 4/10", history.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ManyRuns_PagesNewestFirst()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();
        var start = new DateTimeOffset(2026, 9, 1, 7, 0, 0, TimeSpan.Zero);
        for (var day = 0; day < 25; day++)
        {
            var created = await runner.Http.PostAsJsonAsync("/api/v1/runs", new
            {
                startedAt = start.AddDays(day),
                distanceMetres = 5000 + day,
                durationSeconds = 1800,
                surface = "road",
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var cookieRunner = app.NewRunner();
        await cookieRunner.PostFormAsync("/account/sign-in", ("Input.Email", runner.Email), ("Input.Password", RunnerClient.Password));

        var first = await cookieRunner.GetPageAsync("/history");
        var second = await cookieRunner.GetPageAsync("/history?page=2");

        Assert.Equal(20, first.QuerySelectorAll(".history-item").Length);
        Assert.Contains("Fri 25 Sep 2026", first.QuerySelector(".item-title")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("a[href='/history?page=2']"));
        Assert.Equal(5, second.QuerySelectorAll(".history-item").Length);
        Assert.Contains("Tue 1 Sep 2026", second.QuerySelectorAll(".item-title").Last().TextContent, StringComparison.Ordinal);
    }
}

public sealed class RunPagesTestsOnSqlite(BackstrideApp app) : RunPagesTests(app), IClassFixture<BackstrideApp>;

public sealed class RunPagesTestsOnPostgres(PostgresBackstrideApp app) : RunPagesTests(app), IClassFixture<PostgresBackstrideApp>;
