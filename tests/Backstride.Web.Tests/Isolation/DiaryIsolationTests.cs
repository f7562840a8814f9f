using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backstride.Web.Tests.Infrastructure;

namespace Backstride.Web.Tests.Isolation;

/// <summary>Runner B tries every route that takes an id of runner A's: each answers 404 and A's diary stays as it was.</summary>
public abstract class DiaryIsolationTests(BackstrideApp app)
{
    private sealed record Diary(RunnerClient Owner, Guid RunId, Guid CheckInId);

    private async Task<Diary> OwnersDiaryAsync()
    {
        var owner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var runId = await owner.LogRunAsync(startedAt: "2026-11-20T07:00", distance: "10", notes: "A's run");
        await owner.CheckInAsync(runId, pain: 6, recordedAt: "2026-11-20T08:00", notes: "A's check-in");
        var checkIns = await owner.Http.GetFromJsonAsync<JsonElement>("/api/v1/check-ins");
        return new Diary(owner, runId, checkIns.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    private static async Task AssertUnchangedAsync(Diary diary)
    {
        var run = await diary.Owner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{diary.RunId}");
        Assert.Equal(10_000, run.GetProperty("distanceMetres").GetDouble());
        Assert.Equal("A's run", run.GetProperty("notes").GetString());
        var checkIn = await diary.Owner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/check-ins/{diary.CheckInId}");
        Assert.Equal(6, checkIn.GetProperty("pain").GetInt32());
        Assert.Equal(diary.RunId, checkIn.GetProperty("runId").GetGuid());
        Assert.Equal("A's check-in", checkIn.GetProperty("notes").GetString());
    }

    public static TheoryData<string> PageGets() =>
    [
        "/runs/{run}/edit",
        "/runs/{run}/delete",
        "/check-ins/{checkIn}/edit",
        "/check-ins/{checkIn}/delete",
        "/check-ins/new?runId={run}",
    ];

    [Theory]
    [MemberData(nameof(PageGets), MemberType = typeof(DiaryIsolationTests))]
    public async Task PageGet_AnotherRunnersItem_Answers404(string route)
    {
        var diary = await OwnersDiaryAsync();
        var intruder = await app.NewRunner().RegisterAsync();

        var response = await intruder.Http.GetAsync(Fill(route, diary));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await RunnerClient.ParseAsync(response);
        Assert.DoesNotContain("A's", page.Body!.TextContent, StringComparison.Ordinal);
        await AssertUnchangedAsync(diary);
    }

    public static TheoryData<string> PagePosts() =>
    [
        "/runs/{run}/edit",
        "/runs/{run}/delete",
        "/check-ins/{checkIn}/edit",
        "/check-ins/{checkIn}/delete",
    ];

    [Theory]
    [MemberData(nameof(PagePosts), MemberType = typeof(DiaryIsolationTests))]
    public async Task PagePost_AnotherRunnersItem_Answers404AndChangesNothing(string route)
    {
        var diary = await OwnersDiaryAsync();
        var intruder = await app.NewRunner().RegisterAsync();
        var token = await intruder.AntiforgeryTokenAsync("/runs/new");

        var response = await intruder.PostWithTokenAsync(Fill(route, diary), token,
            ("Input.StartedAt", "2026-11-20T07:00"), ("Input.Distance", "1"), ("Input.Minutes", "10"),
            ("Input.Surface", "Road"), ("Input.RecordedAt", "2026-11-20T08:00"), ("Input.Pain", "0"),
            ("Input.Stiffness", "None"), ("Input.LegSpread", "No"), ("Input.Notes", "B was here"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertUnchangedAsync(diary);
    }

    [Fact]
    public async Task PageNewCheckIn_LinkedToAnotherRunnersRun_RefusedAndNothingSaved()
    {
        var diary = await OwnersDiaryAsync();
        var intruder = await app.NewRunner().RegisterAsync();

        var response = await intruder.CheckInAsync(diary.RunId, pain: 1, recordedAt: "2026-11-20T09:00");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("isn't in your diary", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, (await intruder.Http.GetFromJsonAsync<JsonElement>("/api/v1/check-ins")).GetProperty("items").GetArrayLength());
        var ownersCheckIns = await diary.Owner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/check-ins?runId={diary.RunId}");
        Assert.Equal(1, ownersCheckIns.GetProperty("items").GetArrayLength());
    }

    public static TheoryData<string, string> ApiCalls() => new()
    {
        { "GET", "/api/v1/runs/{run}" },
        { "PUT", "/api/v1/runs/{run}" },
        { "DELETE", "/api/v1/runs/{run}" },
        { "GET", "/api/v1/check-ins/{checkIn}" },
        { "PUT", "/api/v1/check-ins/{checkIn}" },
        { "DELETE", "/api/v1/check-ins/{checkIn}" },
    };

    [Theory]
    [MemberData(nameof(ApiCalls), MemberType = typeof(DiaryIsolationTests))]
    public async Task Api_AnotherRunnersItem_Answers404AndChangesNothing(string method, string route)
    {
        var diary = await OwnersDiaryAsync();
        var intruder = await app.NewRunner().RegisterWithTokenAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), Fill(route, diary));
        if (method == "PUT")
        {
            request.Content = JsonContent.Create(new
            {
                startedAt = "2026-11-20T07:00:00Z", distanceMetres = 1000, durationSeconds = 600, surface = "road",
                recordedAt = "2026-11-20T08:00:00Z", pain = 0, stiffness = "none", legSpread = "no",
            });
        }

        var response = await intruder.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertUnchangedAsync(diary);
    }

    [Fact]
    public async Task ApiLists_OnlyEverShowTheCallersOwnRows()
    {
        var diary = await OwnersDiaryAsync();
        var intruder = await app.NewRunner().RegisterWithTokenAsync();

        var runs = await intruder.Http.GetFromJsonAsync<JsonElement>("/api/v1/runs");
        var checkIns = await intruder.Http.GetAsync($"/api/v1/check-ins?runId={diary.RunId}");
        var linked = await intruder.Http.PostAsJsonAsync("/api/v1/check-ins", new
        {
            runId = diary.RunId, pain = 1, stiffness = "none", legSpread = "no",
        });

        Assert.Equal(0, runs.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, checkIns.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, linked.StatusCode);
        Assert.True((await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("runId", out _));
        await AssertUnchangedAsync(diary);
    }

    [Fact]
    public async Task History_ShowsNothingOfAnotherRunner()
    {
        var diary = await OwnersDiaryAsync();
        var intruder = await app.NewRunner().RegisterAsync();

        var history = await intruder.GetPageAsync("/history");
        var home = await intruder.GetPageAsync("/");

        Assert.DoesNotContain("A's", history.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(history.QuerySelectorAll(".history-item"));
        Assert.DoesNotContain("Check in on your last run", home.Body!.TextContent, StringComparison.Ordinal);
        await AssertUnchangedAsync(diary);
    }

    private static string Fill(string route, Diary diary) =>
        route.Replace("{run}", diary.RunId.ToString(), StringComparison.Ordinal)
            .Replace("{checkIn}", diary.CheckInId.ToString(), StringComparison.Ordinal);
}

public sealed class DiaryIsolationTestsOnSqlite(BackstrideApp app) : DiaryIsolationTests(app), IClassFixture<BackstrideApp>;

public sealed class DiaryIsolationTestsOnPostgres(PostgresBackstrideApp app) : DiaryIsolationTests(app), IClassFixture<PostgresBackstrideApp>;
