using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backstride.Web.Tests.Infrastructure;

namespace Backstride.Web.Tests.CheckIns;

public abstract class CheckInPagesTests(BackstrideApp app)
{
    [Fact]
    public async Task NewCheckIn_ForARun_SavesEveryAnswer()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var runId = await runner.LogRunAsync();

        var response = await runner.CheckInAsync(runId, pain: 6, locations: ["Left", "Buttock"], stiffness: "Moderate",
            legSpread: "BelowKnee", legs: "OneLeg", onset: "During", notes: "sharp on the left");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single((await runner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/check-ins?runId={runId}"))
            .GetProperty("items").EnumerateArray());
        Assert.Equal(6, saved.GetProperty("pain").GetInt32());
        Assert.Equal(["left", "buttock"], saved.GetProperty("locations").EnumerateArray().Select(l => l.GetString()!));
        Assert.Equal("moderate", saved.GetProperty("stiffness").GetString());
        Assert.Equal("belowKnee", saved.GetProperty("legSpread").GetString());
        Assert.Equal("oneLeg", saved.GetProperty("legsAffected").GetString());
        Assert.Equal("during", saved.GetProperty("onset").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 40, 0, TimeSpan.Zero), saved.GetProperty("recordedAt").GetDateTimeOffset());
        Assert.False(saved.GetProperty("isFollowUp").GetBoolean());
    }

    [Fact]
    public async Task NewCheckIn_StartsFromTheLastPlacesAndStiffness_NeverFromALastPainOrLegAnswer()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var firstRun = await runner.LogRunAsync(startedAt: "2026-11-18T07:00");
        await runner.CheckInAsync(firstRun, pain: 5, recordedAt: "2026-11-18T08:00", locations: ["Right", "Buttock"],
            stiffness: "Severe", legSpread: "ButtockOrThigh", legs: "OneLeg");
        var secondRun = await runner.LogRunAsync(startedAt: "2026-11-20T07:00");

        var form = await runner.GetPageAsync($"/check-ins/new?runId={secondRun}");

        Assert.Empty(form.QuerySelectorAll("input[name='Input.Pain'][checked]"));
        Assert.Equal(["Right", "Buttock"], form.QuerySelectorAll("input[name='Input.Locations'][checked]").Select(i => i.GetAttribute("value")!));
        Assert.Equal("Severe", form.QuerySelector("input[name='Input.Stiffness'][checked]")!.GetAttribute("value"));
        Assert.Equal("No", form.QuerySelector("input[name='Input.LegSpread'][checked]")!.GetAttribute("value"));
        Assert.Empty(form.QuerySelectorAll("input[name='Input.LegsAffected'][checked]"));
        Assert.Equal(secondRun.ToString(), form.QuerySelector("#Input_RunId option[selected]")!.GetAttribute("value"));
        Assert.Equal(11, form.QuerySelectorAll("input[name='Input.Pain']").Length);
    }

    [Fact]
    public async Task NewCheckIn_FromTheHomePage_TakesOneTapOnPainAndSave()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var runId = await runner.LogRunAsync(startedAt: "2026-11-20T07:00");

        // Interaction 1: the home page's first button.
        var home = await runner.GetPageAsync("/");
        var link = home.QuerySelector("a.button.primary")!;
        Assert.Contains("Check in on your last run", link.TextContent, StringComparison.Ordinal);
        var form = await runner.GetPageAsync(link.GetAttribute("href")!);
        // Interactions 2 and 3: tap a pain value and save; everything else is what the form already holds.
        var fields = form.QuerySelectorAll("form.check-in-form input[checked], form.check-in-form option[selected], form.check-in-form input[type=hidden], form.check-in-form input[type=datetime-local]")
            .Select(e => e.TagName == "OPTION"
                ? (e.ParentElement!.GetAttribute("name")!, e.GetAttribute("value") ?? "")
                : (e.GetAttribute("name")!, e.GetAttribute("value") ?? ""))
            .Append(("Input.Pain", "3"))
            .ToArray();
        var token = fields.Single(f => f.Item1 == "__RequestVerificationToken").Item2;
        var response = await runner.PostWithTokenAsync("/check-ins/new", token,
            fields.Where(f => f.Item1 != "__RequestVerificationToken").ToArray());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single((await runner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/check-ins?runId={runId}"))
            .GetProperty("items").EnumerateArray());
        Assert.Equal(3, saved.GetProperty("pain").GetInt32());
    }

    [Fact]
    public async Task NewCheckIn_StandaloneFromTheHomePage_IsNotLinkedToTheRecentRun()
    {
        var runner = await app.NewRunner().RegisterAsync();
        await runner.LogRunAsync(startedAt: DateTime.UtcNow.AddHours(-2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        var home = await runner.GetPageAsync("/");

        var link = home.QuerySelectorAll("a.button").Single(a => a.TextContent.Contains("without a run", StringComparison.Ordinal));
        var form = await runner.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal("", form.QuerySelector("#Input_RunId option[selected]")!.GetAttribute("value"));
        Assert.Contains("Not linked to a run", form.QuerySelector(".for-run")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewCheckIn_WithoutPain_SaysSoAndKeepsTheNotes()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var runId = await runner.LogRunAsync();

        var response = await runner.CheckInAsync(runId, pain: null, notes: "tight after the hills");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("Choose how much your back hurts", page.QuerySelector("#pain-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("tight after the hills", page.QuerySelector("#Input_Notes")!.TextContent);
        Assert.Equal(0, (await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/check-ins")).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public async Task NewCheckIn_PainOutsideTheScale_Refused(int pain)
    {
        var runner = await app.NewRunner().RegisterAsync();

        var response = await runner.CheckInAsync(null, pain);

        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("from 0 (no pain) to 10", page.QuerySelector("#pain-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewCheckIn_SpreadsWithoutSayingWhichLegs_AsksForIt()
    {
        var runner = await app.NewRunner().RegisterAsync();

        var response = await runner.CheckInAsync(null, pain: 5, legSpread: "BelowKnee", legs: null);

        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("one leg or both", page.QuerySelector("[data-valmsg-for='Input.LegsAffected']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewCheckIn_LongNotes_FourThousandCharactersAreKept()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var notes = string.Concat(Enumerable.Repeat("stiff lower back after the long run. ", 120))[..4000];

        var response = await runner.CheckInAsync(null, pain: 2, notes: notes);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single((await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/check-ins")).GetProperty("items").EnumerateArray());
        Assert.Equal(notes.Trim(), saved.GetProperty("notes").GetString());
    }

    [Fact]
    public async Task SecondCheckInForARun_IsItsFollowUp()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var runId = await runner.LogRunAsync(startedAt: "2026-11-20T07:00");
        await runner.CheckInAsync(runId, pain: 6, recordedAt: "2026-11-20T08:00");
        await runner.CheckInAsync(runId, pain: 3, recordedAt: "2026-11-20T09:30");

        var history = await runner.GetPageAsync("/history");
        var checkIns = (await runner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/check-ins?runId={runId}")).GetProperty("items");

        var kinds = history.QuerySelectorAll(".check-ins .kind").Select(k => k.TextContent).ToList();
        Assert.StartsWith("Check-in · Fri 20 Nov 2026, 08:00", kinds[0], StringComparison.Ordinal);
        Assert.StartsWith("Follow-up · Fri 20 Nov 2026, 09:30", kinds[1], StringComparison.Ordinal);
        Assert.True(checkIns[0].GetProperty("isFollowUp").GetBoolean());
        Assert.False(checkIns[1].GetProperty("isFollowUp").GetBoolean());
    }

    [Fact]
    public async Task CheckIn_BeforeItsRunStarted_Refused()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var runId = await runner.LogRunAsync(startedAt: "2026-11-20T07:00");

        var response = await runner.CheckInAsync(runId, pain: 2, recordedAt: "2026-11-20T06:00");

        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("before the run started", page.QuerySelector("[data-valmsg-for='Input.RecordedAt']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("details.more[open]"));
    }

    [Fact]
    public async Task EditCheckIn_ChangesPainAndDeleteRemovesIt()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        await runner.CheckInAsync(null, pain: 7, recordedAt: "2026-11-19T21:00");
        var id = (await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/check-ins")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var edit = await runner.PostFormAsync($"/check-ins/{id}/edit",
            ("Input.RecordedAt", "2026-11-19T21:00"), ("Input.Pain", "4"), ("Input.Stiffness", "None"),
            ("Input.LegSpread", "No"), ("Input.Locations", "Centre"));
        var afterEdit = await runner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/check-ins/{id}");
        var delete = await runner.PostFormAsync($"/check-ins/{id}/delete");

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(4, afterEdit.GetProperty("pain").GetInt32());
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await runner.Http.GetAsync($"/api/v1/check-ins/{id}")).StatusCode);
    }
}

public sealed class CheckInPagesTestsOnSqlite(BackstrideApp app) : CheckInPagesTests(app), IClassFixture<BackstrideApp>;

public sealed class CheckInPagesTestsOnPostgres(PostgresBackstrideApp app) : CheckInPagesTests(app), IClassFixture<PostgresBackstrideApp>;
