using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backstride.Web.Tests.Infrastructure;

namespace Backstride.Web.Tests.Plans;

public abstract class PlanPagesTests(BackstrideApp app)
{
    private static async Task<Guid> CheckInForPlanAsync(RunnerClient runner, int pain, string stiffness = "Mild", string legSpread = "No", string? legs = null)
    {
        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var response = await runner.CheckInAsync(null, pain, recordedAt: now, stiffness: stiffness, legSpread: legSpread, legs: legs);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/plan/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/plan/".Length..]);
    }

    [Fact]
    public async Task TimerStartedThroughTheApi_IsShownStartedWhenThePageIsLoadedAgain()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var checkInId = await CheckInForPlanAsync(runner, pain: 2);
        await runner.GetPageAsync($"/plan/{checkInId}");

        var started = await runner.Http.PostAsync($"/api/v1/plans/{checkInId}/steps/heat/start", null);
        var state = await started.Content.ReadFromJsonAsync<JsonElement>();
        var page = await runner.GetPageAsync($"/plan/{checkInId}");

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(600, state.GetProperty("durationSeconds").GetDouble());
        var timer = page.QuerySelector("#step-heat [data-timer]")!;
        Assert.False(string.IsNullOrEmpty(timer.GetAttribute("data-started-at")));
        Assert.Contains("Started at", timer.QuerySelector("[data-timer-status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepButtonsWithoutScript_StartTheTimerAndMarkStepsDone()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var checkInId = await CheckInForPlanAsync(runner, pain: 2);

        var start = await runner.PostFormAsync($"/plan/{checkInId}?handler=Step", ("stepId", "heat"), ("command", "start"));
        var done = await runner.PostFormAsync($"/plan/{checkInId}?handler=Step", ("stepId", "strength"), ("command", "done"));
        var page = await runner.GetPageAsync($"/plan/{checkInId}");

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Started at", page.QuerySelector("#step-heat [data-timer-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Done", page.QuerySelector("#step-strength .step-status")!.TextContent);
    }

    [Fact]
    public async Task PainInBothLegs_GoesStraightToTheEmergencyScreen()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var checkInId = await CheckInForPlanAsync(runner, pain: 5, legSpread: "ButtockOrThigh", legs: "BothLegs");

        var emergency = await runner.GetPageAsync($"/plan/{checkInId}");

        Assert.NotNull(emergency.QuerySelector(".emergency-screen"));
        Assert.Contains("Pain going down both legs", emergency.QuerySelector(".emergency-screen")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("tel:911", emergency.QuerySelector(".emergency-screen a.button")!.GetAttribute("href"));
        Assert.Empty(emergency.QuerySelectorAll(".plan-step"));
    }

    [Fact]
    public async Task PainBelowTheKnee_AsksTheSafetyQuestionsFirst()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var checkInId = await CheckInForPlanAsync(runner, pain: 4, legSpread: "BelowKnee", legs: "OneLeg");

        var plan = await runner.Http.GetAsync($"/plan/{checkInId}");
        var answered = await runner.PostFormAsync($"/plan/{checkInId}/safety", ("Yes", "fever"));
        var urgent = await runner.GetPageAsync($"/plan/{checkInId}");

        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
        Assert.Equal($"/plan/{checkInId}/safety", plan.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("See a doctor soon", urgent.QuerySelector(".referral.urgent")!.TextContent, StringComparison.Ordinal);
        var titles = urgent.QuerySelectorAll(".plan-step h2").Select(h => h.TextContent).ToList();
        Assert.DoesNotContain(titles, t => t.Contains("stretches", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains("Strength", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditedCheckIn_AsksTheSafetyQuestionsAgainThoughTheyWereAnswered()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var checkInId = await CheckInForPlanAsync(runner, pain: 8);
        await runner.PostFormAsync($"/plan/{checkInId}/safety");
        var before = await runner.Http.GetAsync($"/plan/{checkInId}");
        var form = await runner.GetPageAsync($"/check-ins/{checkInId}/edit");
        var recordedAt = form.QuerySelector("#Input_RecordedAt")!.GetAttribute("value")!;

        await runner.PostFormAsync($"/check-ins/{checkInId}/edit", ("Input.RecordedAt", recordedAt), ("Input.Pain", "9"),
            ("Input.Stiffness", "None"), ("Input.LegSpread", "No"));
        var after = await runner.Http.GetAsync($"/plan/{checkInId}");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal($"/plan/{checkInId}/safety", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnotherRunnersPlan_Answers404ByPageAndApi()
    {
        var owner = await app.NewRunner().RegisterAsync();
        var checkInId = await CheckInForPlanAsync(owner, pain: 3);
        var intruder = await app.NewRunner().RegisterAsync();

        var page = await intruder.Http.GetAsync($"/plan/{checkInId}");
        var safety = await intruder.Http.GetAsync($"/plan/{checkInId}/safety");
        var api = await intruder.Http.PostAsync($"/api/v1/plans/{checkInId}/steps/heat/start", null);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, safety.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task Profile_PregnantWithoutAWeek_SaysSoKeepsTheTicksAndSavesNothing()
    {
        var runner = await app.NewRunner().RegisterAsync();

        var response = await runner.PostFormAsync("/profile",
            ("Input.Ddd", "Yes"), ("Input.HasHeatingPad", "true"), ("Input.Pregnant", "true"), ("Input.PregnancyWeek", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("week of pregnancy", page.QuerySelector("[data-valmsg-for='Input.PregnancyWeek']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name='Input.HasHeatingPad'][checked]"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Ddd'][value='Yes'][checked]"));
        var reloaded = await runner.GetPageAsync("/profile");
        Assert.Null(reloaded.QuerySelector("input[name='Input.HasHeatingPad'][checked]"));
    }

    [Fact]
    public async Task Profile_WithReducedSensation_TakesIceAndThePadOutOfThePlan()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        await runner.PostFormAsync("/profile",
            ("Input.Ddd", "No"), ("Input.HasIcePack", "true"), ("Input.HasHeatingPad", "true"), ("Input.HasShower", "true"),
            ("Input.ReducedSensation", "true"));

        var checkInId = await CheckInForPlanAsync(runner, pain: 6, stiffness: "None");
        var plan = await runner.GetPageAsync($"/plan/{checkInId}");

        var titles = plan.QuerySelectorAll(".plan-step h2").Select(h => h.TextContent).ToList();
        Assert.DoesNotContain(titles, t => t.Contains("Ice", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("warm shower", StringComparison.Ordinal));
        Assert.Contains("reduced feeling", plan.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Medication_LoggedDose_TheGuardCountsItAndAnotherRunnerCannotRemoveIt()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var now = DateTime.UtcNow.AddMinutes(-30).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var logged = await runner.PostFormAsync("/medication", ("Input.ProductId", "advil"), ("Input.TakenAt", now), ("Input.Units", "2"));
        var page = await runner.GetPageAsync("/medication");
        var deleteAction = page.QuerySelector(".dose-log form")!.GetAttribute("action")!;
        var intruder = await app.NewRunner().RegisterAsync();
        var token = await intruder.AntiforgeryTokenAsync("/medication");

        var stolen = await intruder.PostWithTokenAsync(deleteAction, token);

        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var advil = page.QuerySelectorAll(".guard-item").Single(li => li.QuerySelector("strong")!.TextContent == "Advil").TextContent;
        Assert.Contains("not now", advil, StringComparison.Ordinal);
        var motrin = page.QuerySelectorAll(".guard-item").Single(li => li.QuerySelector("strong")!.TextContent == "Motrin IB").TextContent;
        Assert.Contains("also ibuprofen", motrin, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Single((await runner.GetPageAsync("/medication")).QuerySelectorAll(".dose-log li"));
    }
}

public sealed class PlanPagesTestsOnSqlite(BackstrideApp app) : PlanPagesTests(app), IClassFixture<BackstrideApp>;

public sealed class PlanPagesTestsOnPostgres(PostgresBackstrideApp app) : PlanPagesTests(app), IClassFixture<PostgresBackstrideApp>;
