using System.Net;
using Backstride.Web.Tests.Infrastructure;
using Ical.Net;

namespace Backstride.Web.Tests.Training;

public abstract class TrainingPagesTests(BackstrideApp app)
{
    private static async Task<RunnerClient> RunnerWithProgrammeAsync(BackstrideApp app, string timeZone = "Europe/Berlin")
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: timeZone);
        var saved = await runner.PostFormAsync("/training",
            ("Input.Level", "1"), ("Input.SessionsPerWeek", "2"), ("Input.PreferredDays", "Tuesday"),
            ("Input.PreferredDays", "Saturday"), ("Input.LongRunDay", "Sunday"), ("Input.HardRunDays", "Thursday"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return runner;
    }

    private static async Task<string> SessionUrlAsync(RunnerClient runner)
    {
        var started = await runner.PostFormAsync("/training?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return started.Headers.Location!.OriginalString;
    }

    private static Task<HttpResponseMessage> LogSetAsync(RunnerClient runner, string sessionUrl, string exercise, int amount, int effort, int pain = 0) =>
        runner.PostFormAsync($"{sessionUrl}?handler=Set", ("Input.ExerciseId", exercise),
            ("Input.Amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Effort", effort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Pain", pain.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Programme_SaturdayBeforeTheLongRun_IsMovedAndSaysWhy()
    {
        var runner = await RunnerWithProgrammeAsync(app);

        var page = await runner.GetPageAsync("/training");

        var schedule = page.QuerySelector(".schedule")!.TextContent;
        Assert.Contains("Tuesday", schedule, StringComparison.Ordinal);
        Assert.Contains("Moved from Saturday", schedule, StringComparison.Ordinal);
        Assert.Contains("the day before your long run", schedule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_TwoEasySessions_StepTheSquatUpWithItsReason()
    {
        var runner = await RunnerWithProgrammeAsync(app);

        for (var session = 0; session < 2; session++)
        {
            var url = await SessionUrlAsync(runner);
            Assert.Equal(HttpStatusCode.Redirect, (await LogSetAsync(runner, url, "squat", 8, effort: 6)).StatusCode);
            await LogSetAsync(runner, url, "squat", 8, effort: 7);
            var finish = await runner.PostFormAsync($"{url}?handler=Finish");
            Assert.Equal(HttpStatusCode.Redirect, finish.StatusCode);
        }
        var page = await runner.GetPageAsync("/training");

        var squat = page.QuerySelectorAll(".prescriptions li").Single(li => li.TextContent.Contains("Squat", StringComparison.Ordinal)).TextContent;
        Assert.Contains("2 × 10", squat, StringComparison.Ordinal);
        Assert.Contains("Stepping up", squat, StringComparison.Ordinal);
        Assert.Contains("Done: 2 of 2", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_AfterAStepUp_TwoNewEasySessionsAreNeededForTheNext()
    {
        var runner = await RunnerWithProgrammeAsync(app);
        async Task<string> SquatAfterEasySessionAsync(int reps)
        {
            var url = await SessionUrlAsync(runner);
            await LogSetAsync(runner, url, "squat", reps, effort: 5);
            await LogSetAsync(runner, url, "squat", reps, effort: 5);
            await runner.PostFormAsync($"{url}?handler=Finish");
            var page = await runner.GetPageAsync("/training");
            return page.QuerySelectorAll(".prescriptions li").Single(li => li.TextContent.Contains("Squat", StringComparison.Ordinal)).TextContent;
        }

        await SquatAfterEasySessionAsync(8);
        var afterTwo = await SquatAfterEasySessionAsync(8);
        var afterThree = await SquatAfterEasySessionAsync(10);
        var afterFour = await SquatAfterEasySessionAsync(10);

        Assert.Contains("2 × 10", afterTwo, StringComparison.Ordinal);
        Assert.Contains("2 × 10", afterThree, StringComparison.Ordinal);
        Assert.Contains("Staying", afterThree, StringComparison.Ordinal);
        Assert.Contains("2 × 12", afterFour, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_PainfulSet_StepsTheExerciseDown()
    {
        var runner = await RunnerWithProgrammeAsync(app);
        var url = await SessionUrlAsync(runner);

        await LogSetAsync(runner, url, "glute-bridge", 10, effort: 5, pain: 6);
        await runner.PostFormAsync($"{url}?handler=Finish");
        var page = await runner.GetPageAsync("/training");

        var bridge = page.QuerySelectorAll(".prescriptions li").Single(li => li.TextContent.Contains("Glute bridge", StringComparison.Ordinal)).TextContent;
        Assert.Contains("2 × 8", bridge, StringComparison.Ordinal);
        Assert.Contains("back pain reached 6/10", bridge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogSet_SameSetTappedTwice_IsLoggedOnce_AndAnEmptySessionIsNotKept()
    {
        var runner = await RunnerWithProgrammeAsync(app);
        var url = await SessionUrlAsync(runner);
        var empty = await SessionUrlAsync(runner);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            await runner.PostFormAsync($"{url}?handler=Set", ("Input.ExerciseId", "squat"), ("Input.SetNumber", "1"),
                ("Input.Amount", "8"), ("Input.Effort", "5"), ("Input.Pain", "0"));
        }
        await runner.PostFormAsync($"{empty}?handler=Finish");
        var page = await runner.GetPageAsync(url);

        Assert.Single(page.QuerySelectorAll("#exercise-squat .logged-sets li"));
        Assert.Equal(HttpStatusCode.NotFound, (await runner.Http.GetAsync(empty)).StatusCode);
    }

    [Fact]
    public async Task PainfulCheckInTheDayAfter_StepsDownBeforeTheNextSession()
    {
        var runner = await RunnerWithProgrammeAsync(app, timeZone: "UTC");
        var first = await SessionUrlAsync(runner);
        await LogSetAsync(runner, first, "squat", 8, effort: 5);
        await runner.PostFormAsync($"{first}?handler=Finish");
        var now = DateTime.UtcNow.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await runner.CheckInAsync(null, pain: 6, recordedAt: now);

        var next = await SessionUrlAsync(runner);
        var page = await runner.GetPageAsync(next);

        Assert.Contains("2 sets × 6 reps", page.QuerySelector("#exercise-squat .session-dose")!.TextContent, StringComparison.Ordinal);
        var training = await runner.GetPageAsync("/training");
        var squat = training.QuerySelectorAll(".prescriptions li").Single(li => li.TextContent.Contains("Squat", StringComparison.Ordinal)).TextContent;
        Assert.Contains("the day after the last session", squat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogSet_EffortMissing_SaysSoAndLogsNothing()
    {
        var runner = await RunnerWithProgrammeAsync(app);
        var url = await SessionUrlAsync(runner);

        var response = await runner.PostFormAsync($"{url}?handler=Set", ("Input.ExerciseId", "squat"), ("Input.Amount", "8"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("how hard it was", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".logged-sets li"));
    }

    [Fact]
    public async Task CalendarFeed_ParsesWithItsSessionsInTheRunnersTimeZone_AndARevokedAddressIs404()
    {
        var runner = await RunnerWithProgrammeAsync(app, timeZone: "America/Chicago");
        await runner.PostFormAsync("/training?handler=Calendar");
        var page = await runner.GetPageAsync("/training");
        var url = new Uri(page.QuerySelector(".calendar-url code")!.TextContent);
        var visitor = app.NewRunner();

        var feed = await visitor.Http.GetAsync(url.PathAndQuery);
        var calendar = Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        await runner.PostFormAsync("/training?handler=Calendar&revoke=true");
        var revoked = await visitor.Http.GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var strength = calendar.Events.Where(e => e.Summary!.StartsWith("Strength", StringComparison.Ordinal)).ToList();
        var longRuns = calendar.Events.Where(e => e.Summary == "Long run (planned)").ToList();
        Assert.InRange(strength.Count, 6, 8);
        Assert.InRange(longRuns.Count, 3, 4);
        Assert.All(longRuns, e => Assert.Equal(DayOfWeek.Sunday, e.DtStart!.DayOfWeek));
        Assert.All(strength, e =>
        {
            Assert.Equal("America/Chicago", e.DtStart!.TzId);
            Assert.Equal(18, e.DtStart.Hour);
            Assert.NotEqual(DayOfWeek.Saturday, e.DtStart.DayOfWeek);
            Assert.NotEqual(DayOfWeek.Friday, e.DtStart.DayOfWeek);
        });
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
    }

    [Fact]
    public async Task AnotherRunnersSession_Answers404AndTakesNoSet()
    {
        var owner = await RunnerWithProgrammeAsync(app);
        var url = await SessionUrlAsync(owner);
        var intruder = await RunnerWithProgrammeAsync(app);

        var read = await intruder.Http.GetAsync(url);
        var token = await intruder.AntiforgeryTokenAsync("/training");
        var write = await intruder.PostWithTokenAsync($"{url}?handler=Set", token, ("Input.ExerciseId", "squat"), ("Input.Amount", "8"), ("Input.Effort", "5"));
        var finish = await intruder.PostWithTokenAsync($"{url}?handler=Finish", token);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, finish.StatusCode);
        Assert.Empty((await owner.GetPageAsync(url)).QuerySelectorAll(".logged-sets li"));
    }
}

public sealed class TrainingPagesTestsOnSqlite(BackstrideApp app) : TrainingPagesTests(app), IClassFixture<BackstrideApp>;

public sealed class TrainingPagesTestsOnPostgres(PostgresBackstrideApp app) : TrainingPagesTests(app), IClassFixture<PostgresBackstrideApp>;
