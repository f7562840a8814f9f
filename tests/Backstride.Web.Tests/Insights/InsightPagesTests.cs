using System.Net;
using System.Net.Http.Json;
using Backstride.Core.Insights;
using Backstride.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Web.Tests.Insights;

public abstract class InsightPagesTests(BackstrideApp app)
{
    /// <summary>A visitor presses "Explore with sample data" on the home page and is signed in as the sample runner.</summary>
    private static async Task<RunnerClient> SampleRunnerAsync(BackstrideApp app)
    {
        var visitor = app.NewRunner();
        var token = await visitor.AntiforgeryTokenAsync("/");
        var created = await visitor.PostWithTokenAsync("/sample-data", token);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/insights", created.Headers.Location!.OriginalString);
        return visitor;
    }

    private static async Task<Guid> StartExperimentAsync(RunnerClient runner, string a = "Heat", string b = "WbcCream")
    {
        var started = await runner.PostFormAsync("/insights/experiments",
            ("Input.OptionA", a), ("Input.OptionB", b), ("Input.BlockLength", "1"), ("Input.BlockPairs", "2"));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return Guid.Parse(started.Headers.Location!.OriginalString["/insights/experiments/".Length..]);
    }

    /// <summary>Starts an experiment and moves its start back a day, so runs logged by the minute fall inside it.</summary>
    private async Task<Guid> StartExperimentYesterdayAsync(RunnerClient runner)
    {
        var id = await StartExperimentAsync(runner);
        var dayBefore = DateTimeOffset.UtcNow.AddDays(-1);
        await app.ReadAsAsync(await app.UserIdAsync(runner.Email), db => db.SelfExperiments.Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.StartedAt, dayBefore)));
        return id;
    }

    [Fact]
    public async Task SampleData_Dashboard_ShowsStreakChangesAndBothChartsWithATable()
    {
        var runner = await SampleRunnerAsync(app);

        var page = await runner.GetPageAsync("/insights");

        Assert.Equal(2, page.QuerySelectorAll("figure.chart svg").Length);
        Assert.NotEmpty(page.QuerySelectorAll("#changes-title + ul li"));
        Assert.Contains("in the last 4 weeks", page.QuerySelector("#changes-title + ul")!.TextContent, StringComparison.Ordinal);
        Assert.True(int.TryParse(page.QuerySelector(".big-number")!.TextContent, out var streak) && streak >= 0);
        // Six months of weeks in the text alternative, each with a distance.
        var weeks = page.QuerySelectorAll(".insight-table tbody tr");
        Assert.InRange(weeks.Length, 25, 28);
        Assert.All(weeks, w => Assert.EndsWith(" km", w.QuerySelectorAll("td")[0].TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SampleData_Factors_LongRunsStandOutWithAnIntervalAndAssociationWording()
    {
        var runner = await SampleRunnerAsync(app);

        var page = await runner.GetPageAsync("/insights/factors");

        var longRuns = page.QuerySelector("#stand-out-title")!.ParentElement!.QuerySelector("#f-long-run");
        Assert.NotNull(longRuns);
        var sentence = longRuns!.ParentElement!.TextContent;
        Assert.Contains("points higher", sentence, StringComparison.Ordinal);
        Assert.Matches(@"\(\d+\.\d to \d+\.\d\)", sentence);
        // Findings are worded as what went together, never as what caused what.
        Assert.All(page.QuerySelectorAll(".finding p"), p => Assert.DoesNotContain("caus", p.TextContent, StringComparison.OrdinalIgnoreCase));
        // Stretching before was generated with no effect: it is never among the findings that stand out.
        Assert.Null(page.QuerySelector("#stand-out-title")!.ParentElement!.QuerySelector("#f-stretched"));
    }

    [Fact]
    public async Task SampleData_Remedies_ListsSixRemediesWithEveningsAndTheTrialEvidence()
    {
        var runner = await SampleRunnerAsync(app);

        var page = await runner.GetPageAsync("/insights/remedies");

        var rows = page.QuerySelectorAll(".remedy-table tbody tr");
        Assert.Equal(6, rows.Length);
        var heat = rows.Single(r => r.QuerySelector("th")!.TextContent == "Heat");
        Assert.Matches(@"\d+ evenings with, \d+ without", heat.TextContent);
        Assert.Contains("Moderate evidence", heat.TextContent, StringComparison.Ordinal);
        var cream = rows.Single(r => r.QuerySelector("th")!.TextContent == "WBC cream");
        Assert.Contains("No trial in back pain", cream.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleData_FinishedExperiment_ShowsItsResultScheduleAndCaveats()
    {
        var runner = await SampleRunnerAsync(app);
        var list = await runner.GetPageAsync("/insights/experiments");
        var link = list.QuerySelector(".link-list a")!.GetAttribute("href")!;

        var page = await runner.GetPageAsync(link);

        Assert.Contains("Heat against wbc cream", page.QuerySelector("h1")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("heat", page.QuerySelector("#result-title + p")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(6, page.QuerySelectorAll("#schedule-title + table tbody tr").Length);
        Assert.NotEmpty(page.QuerySelectorAll("#result-title ~ ul li"));
    }

    [Fact]
    public async Task Experiment_SameOptionTwice_IsRefusedBesideTheFieldAndNothingStarts()
    {
        var runner = await app.NewRunner().RegisterAsync();

        var response = await runner.PostFormAsync("/insights/experiments",
            ("Input.OptionA", "Heat"), ("Input.OptionB", "Heat"), ("Input.BlockLength", "2"), ("Input.BlockPairs", "3"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await RunnerClient.ParseAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-valmsg-for='Input.OptionB']")?.TextContent
            + page.QuerySelector("[data-valmsg-for='Input.OptionA']")?.TextContent));
        Assert.Equal("2", page.QuerySelector("#Input_BlockLength")!.GetAttribute("value"));
        Assert.Equal(0, await app.ReadAsAsync(await app.UserIdAsync(runner.Email), db => db.SelfExperiments.CountAsync()));
    }

    [Fact]
    public async Task Experiment_RunAfterTheStart_PlanSaysWhichOptionIsForTonight()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var id = await StartExperimentAsync(runner);
        var userId = await app.UserIdAsync(runner.Email);
        // Move the start back a day, so a run logged by the minute falls inside it.
        var dayBefore = DateTimeOffset.UtcNow.AddDays(-1);
        await app.ReadAsAsync(userId, db => db.SelfExperiments.Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.StartedAt, dayBefore)));
        var experiment = await app.ReadAsAsync(userId, db => db.SelfExperiments.SingleAsync(e => e.Id == id));
        var tonight = ExperimentSchedule.OptionFor(experiment, 0);
        var now = DateTime.UtcNow;
        var runId = await runner.LogRunAsync(startedAt: now.AddHours(-3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));

        // Pain 2 with stiffness: tonight's plan offers heat as well as the cream, so either option can be followed.
        var checkIn = await runner.CheckInAsync(runId, 2, recordedAt: now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        var plan = await runner.GetPageAsync(checkIn.Headers.Location!.OriginalString);

        var banner = plan.QuerySelector(".experiment-tonight")!.TextContent;
        Assert.Contains("Evening 1 of 4", banner, StringComparison.Ordinal);
        Assert.Contains(tonight == ExperimentOption.Heat ? "heat evening" : "wbc cream evening", banner, StringComparison.OrdinalIgnoreCase);
        var leftOut = tonight == ExperimentOption.Heat ? "#step-cream" : "#step-heat";
        var kept = tonight == ExperimentOption.Heat ? "#step-heat" : "#step-cream";
        Assert.Contains("Not tonight", plan.QuerySelector(leftOut)!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Not tonight", plan.QuerySelector(kept)!.TextContent, StringComparison.Ordinal);

        // The next run is evening 2; the first plan, opened again, still shows evening 1 and its option.
        var secondRun = await runner.LogRunAsync(startedAt: now.AddMinutes(-50).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        var secondCheckIn = await runner.CheckInAsync(secondRun, 3, recordedAt: now.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        var secondPlan = await runner.GetPageAsync(secondCheckIn.Headers.Location!.OriginalString);
        var firstAgain = await runner.GetPageAsync(checkIn.Headers.Location!.OriginalString);
        Assert.Contains("Evening 2 of 4", secondPlan.QuerySelector(".experiment-tonight")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(banner, firstAgain.QuerySelector(".experiment-tonight")!.TextContent);
    }

    [Fact]
    public async Task Experiment_EveningThatTurnsOutAnEmergency_TakesNoSlotAndIsNotCounted()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var id = await StartExperimentYesterdayAsync(runner);
        var now = DateTime.UtcNow;
        string At(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var runId = await runner.LogRunAsync(startedAt: At(now.AddHours(-2)));
        // Pain of 8 calls for the safety questions before any plan is shown.
        var checkIn = await runner.CheckInAsync(runId, 8, recordedAt: At(now.AddHours(-1)));
        var planUrl = checkIn.Headers.Location!.OriginalString;

        var first = await runner.Http.GetAsync(planUrl);
        await runner.PostFormAsync($"{planUrl}/safety", ("Yes", "bladder"));
        var emergency = await runner.GetPageAsync(planUrl);
        var experiment = await runner.GetPageAsync($"/insights/experiments/{id}");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.NotNull(emergency.QuerySelector(".emergency-screen"));
        Assert.Null(emergency.QuerySelector(".experiment-tonight"));
        Assert.Contains("Evening 1 of 4", experiment.QuerySelector("#tonight-title + p + p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Experiment_FollowUpCheckIn_IsNotAnEveningOfItsOwn()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var id = await StartExperimentYesterdayAsync(runner);
        var now = DateTime.UtcNow;
        string At(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var runId = await runner.LogRunAsync(startedAt: At(now.AddHours(-4)));
        var checkIn = await runner.CheckInAsync(runId, 5, recordedAt: At(now.AddHours(-3)));
        await runner.GetPageAsync(checkIn.Headers.Location!.OriginalString);

        var followUp = await runner.CheckInAsync(runId, 3, recordedAt: At(now.AddMinutes(-5)));
        var followUpPlan = await runner.GetPageAsync(followUp.Headers.Location!.OriginalString);

        Assert.Null(followUpPlan.QuerySelector(".experiment-tonight"));
        var experiment = await runner.GetPageAsync($"/insights/experiments/{id}");
        Assert.Contains("Evening 2 of 4", experiment.QuerySelector("#tonight-title + p + p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Experiment_AnotherRunners_Answers404AndCannotBeStopped()
    {
        var owner = await app.NewRunner().RegisterAsync();
        var id = await StartExperimentAsync(owner);
        var intruder = await app.NewRunner().RegisterAsync();

        var read = await intruder.Http.GetAsync($"/insights/experiments/{id}");
        var token = await intruder.AntiforgeryTokenAsync("/insights/experiments");
        var stop = await intruder.PostWithTokenAsync($"/insights/experiments/{id}?handler=Stop", token);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stop.StatusCode);
        Assert.Null(await app.ReadAsAsync(await app.UserIdAsync(owner.Email), db => db.SelfExperiments.Where(e => e.Id == id).Select(e => e.EndedAt).SingleAsync()));
    }

    [Fact]
    public async Task Insights_NewRunner_SaysWhatIsNeededInsteadOfEmptyCharts()
    {
        var runner = await app.NewRunner().RegisterAsync();

        var page = await runner.GetPageAsync("/insights");
        var factors = await runner.GetPageAsync("/insights/factors");

        Assert.Empty(page.QuerySelectorAll("figure.chart"));
        Assert.Contains("Insights start once you have runs with a check-in", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing stands out yet", factors.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleData_ADayOld_IsDeletedWhenTheNextOneIsMade()
    {
        await SampleRunnerAsync(app);
        var firstId = await app.ReadAsAsync(null, db => db.Users.Where(u => u.Email!.StartsWith("sample-"))
            .OrderByDescending(u => u.CreatedAt).Select(u => u.Id).FirstAsync());
        var twoDaysAgo = DateTimeOffset.UtcNow.AddDays(-2);
        await app.ReadAsAsync(null, db => db.Users.Where(u => u.Id == firstId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, twoDaysAgo)));
        Assert.True(await app.ReadAsAsync(firstId, db => db.Runs.CountAsync()) > 80);

        await SampleRunnerAsync(app);

        Assert.False(await app.ReadAsAsync(null, db => db.Users.AnyAsync(u => u.Id == firstId)));
        Assert.Equal(0, await app.ReadAsAsync(firstId, db => db.Runs.CountAsync()));
        Assert.Equal(0, await app.ReadAsAsync(firstId, db => db.CheckIns.CountAsync()));
    }

    [Fact]
    public async Task SampleData_SignedInRunner_KeepsTheirOwnSession()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var token = await runner.AntiforgeryTokenAsync("/sample-data");

        var response = await runner.PostWithTokenAsync("/sample-data", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sign out first", (await RunnerClient.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        var settings = await runner.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/settings");
        Assert.Equal("Europe/Berlin", settings.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Register_WithTheSampleRunnersDomain_IsRefusedSoARealAccountIsNeverExpired()
    {
        var visitor = app.NewRunner();

        var response = await visitor.PostFormAsync("/account/register",
            ("Input.Email", $"me-{Guid.NewGuid():N}@sample.backstride.invalid"), ("Input.Password", RunnerClient.Password),
            ("Input.HealthDataConsent", "true"), ("Input.TimeZoneId", "UTC"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter your own e-mail address.", (await RunnerClient.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PainRisingForThreeWeeks_DashboardAndPlanBothSayToSeeADoctor()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var now = DateTime.UtcNow;
        string At(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        HttpResponseMessage last = null!;
        // Two runs a week for three weeks, pain after them 2, 4 and then 6.
        foreach (var (daysAgo, pain) in new[] { (19, 2), (16, 2), (12, 4), (9, 4), (5, 6), (1, 6) })
        {
            var runId = await runner.LogRunAsync(startedAt: At(now.AddDays(-daysAgo).AddHours(-2)));
            last = await runner.CheckInAsync(runId, pain, recordedAt: At(now.AddDays(-daysAgo).AddHours(-1)));
        }

        var dashboard = await runner.GetPageAsync("/insights");
        var plan = await runner.GetPageAsync(last.Headers.Location!.OriginalString);

        Assert.Contains("Your pain after runs keeps rising", dashboard.QuerySelector(".referral")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your pain after runs has kept rising over the last 3 weeks.", plan.QuerySelector(".referral")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insights_SeenThenANewOrCorrectedCheckIn_ShowTheChangeAtOnce()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var now = DateTime.UtcNow;
        string At(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var firstRun = await runner.LogRunAsync(startedAt: At(now.AddDays(-2)));
        var firstCheckIn = await runner.CheckInAsync(firstRun, 3, recordedAt: At(now.AddDays(-2).AddHours(1)));
        var firstCheckInId = firstCheckIn.Headers.Location!.OriginalString["/plan/".Length..];
        var before = await runner.GetPageAsync("/insights");
        var again = await runner.GetPageAsync("/insights");

        var secondRun = await runner.LogRunAsync(startedAt: At(now.AddHours(-3)));
        await runner.CheckInAsync(secondRun, 0, recordedAt: At(now.AddHours(-2)), stiffness: "None");
        var afterNew = await runner.GetPageAsync("/insights");
        // An edit changes no count: the first run's pain corrected to 0.
        var edited = await runner.PostFormAsync($"/check-ins/{firstCheckInId}/edit",
            ("Input.RunId", firstRun.ToString()), ("Input.RecordedAt", At(now.AddDays(-2).AddHours(1))), ("Input.Pain", "0"),
            ("Input.Stiffness", "None"), ("Input.LegSpread", "No"), ("Input.Onset", "RightAfter"), ("Input.Notes", ""),
            ("Input.Locations", "Centre"));
        var afterEdit = await runner.GetPageAsync("/insights");

        // The insights keep the diary's rows between looks; a new or corrected check-in must never be hidden by that.
        Assert.Equal("0", before.QuerySelector(".big-number")!.TextContent);
        Assert.Equal("0", again.QuerySelector(".big-number")!.TextContent);
        Assert.Equal("1", afterNew.QuerySelector(".big-number")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("2", afterEdit.QuerySelector(".big-number")!.TextContent);
    }

    [Fact]
    public async Task Insights_Anonymous_IsSentToSignIn()
    {
        var visitor = app.NewRunner();

        var response = await visitor.Http.GetAsync("/insights");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class InsightPagesTestsOnSqlite(BackstrideApp app) : InsightPagesTests(app), IClassFixture<BackstrideApp>;

public sealed class InsightPagesTestsOnPostgres(PostgresBackstrideApp app) : InsightPagesTests(app), IClassFixture<PostgresBackstrideApp>;
