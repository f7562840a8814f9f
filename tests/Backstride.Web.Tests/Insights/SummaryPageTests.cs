using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Backstride.Web.Tests.Infrastructure;

namespace Backstride.Web.Tests.Insights;

public abstract class SummaryPageTests(BackstrideApp app)
{
    private const string SummaryUrl = "/insights/summary";

    /// <summary>The form's datetime-local value for a UTC instant (the runners here live in UTC).</summary>
    private static string Local(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>Monday of last week (UTC): two runs there are always in the past and inside the 12-week trend.</summary>
    private static DateTime LastWeeksMonday()
    {
        var today = DateTime.UtcNow.Date;
        return today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);
    }

    private static async Task RunWithCheckInsAsync(RunnerClient runner, DateTime startUtc, string distance, int pain, int followUpPain,
        string notes = "")
    {
        var runId = await runner.LogRunAsync(startedAt: Local(startUtc), distance: distance, notes: notes);
        Assert.Equal(HttpStatusCode.Redirect, (await runner.CheckInAsync(runId, pain, recordedAt: Local(startUtc.AddHours(1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await runner.CheckInAsync(runId, followUpPain, recordedAt: Local(startUtc.AddHours(2.5)))).StatusCode);
    }

    private static async Task LogDoseAsync(RunnerClient runner, string productId, int units, DateTime takenUtc)
    {
        var logged = await runner.PostFormAsync("/medication", ("Input.ProductId", productId), ("Input.TakenAt", Local(takenUtc)),
            ("Input.Units", units.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
    }

    /// <summary>A check-in through the form, then the safety questions through their page, as the runner answers them.</summary>
    private static async Task CheckInWithSafetyAnswersAsync(RunnerClient runner, DateTime recordedUtc, int pain, string legSpread,
        string? legs, params string[] yes)
    {
        var checkedIn = await runner.CheckInAsync(null, pain, recordedAt: Local(recordedUtc), legSpread: legSpread, legs: legs);
        Assert.Equal(HttpStatusCode.Redirect, checkedIn.StatusCode);
        var plan = checkedIn.Headers.Location!.OriginalString;
        var answered = await runner.PostFormAsync($"{plan}/safety", [.. yes.Select(id => ("Yes", id))]);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
    }

    private static string Text(IHtmlDocument page, string selector) => page.QuerySelector(selector)!.TextContent;

    [Fact]
    public async Task Summary_RunnerWithRunsAndCheckIns_ShowsTheWeeksMeansAndTheProfileAnswers()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var profile = await runner.PostFormAsync("/profile", ("Input.Ddd", "Yes"), ("Input.PatternWeeks", "10"),
            ("Input.Timing", "AfterLongOrHardRuns"), ("Input.ArchesBack", "true"), ("Input.StomachUlcerOrBleeding", "true"),
            ("Input.HasShower", "true"));
        var monday = LastWeeksMonday();
        await RunWithCheckInsAsync(runner, monday.AddHours(7), "10", pain: 4, followUpPain: 2);
        await RunWithCheckInsAsync(runner, monday.AddDays(1).AddHours(7), "12", pain: 6, followUpPain: 3);

        var page = await runner.GetPageAsync(SummaryUrl);

        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.Equal("Back pain and running — summary for a clinician", Text(page, "h1"));
        Assert.Contains("no diagnosis", Text(page, ".summary-head"), StringComparison.Ordinal);
        var week = page.QuerySelector($"#pain-trend tr[data-week='{monday:yyyy-MM-dd}']")!;
        Assert.Equal(["2", "22"], week.QuerySelectorAll("td").Take(2).Select(td => td.TextContent));
        Assert.Equal("5.0", week.QuerySelector(".summary-mean-pain")!.TextContent);
        Assert.Equal("2.5", week.QuerySelector(".summary-mean-follow-up")!.TextContent);
        Assert.Equal(12, page.QuerySelectorAll("#pain-trend tbody tr").Length);
        Assert.Contains("Your pain after runs averaged 5.0", Text(page, ".summary-changes"), StringComparison.Ordinal);

        var answers = page.QuerySelectorAll("#profile .summary-answers div")
            .ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);
        Assert.Equal("Yes", answers["Degenerative disc disease (wear of the discs in the spine) diagnosed by a doctor"]);
        Assert.Equal("10 weeks", answers["Back pain after runs has been a pattern for"]);
        Assert.Equal("After long or hard runs", answers["When it comes"]);
        Assert.Equal("arch the lower back", answers["Posture check: when running, they"]);
        Assert.Equal("A stomach ulcer or bleeding, now or before", answers["Relevant to pain relievers"]);
        Assert.DoesNotContain("Kidney disease", Text(page, "#profile"), StringComparison.Ordinal);

        Assert.Equal("Moderate evidence, small short-term benefit", Text(page, "#remedies tr[data-remedy='Heat'] .summary-evidence"));
        Assert.False(string.IsNullOrWhiteSpace(Text(page, "#remedies tr[data-remedy='Heat'] .summary-response")));
        Assert.Contains("not causes", Text(page, "#factors"), StringComparison.Ordinal);
        Assert.Contains("None reported.", Text(page, "#red-flags"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_SafetyQuestionAnsweredYes_ListsTheEveningWithItsLevelAndStatements()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var at = DateTime.UtcNow.AddHours(-3);
        await CheckInWithSafetyAnswersAsync(runner, at, pain: 4, legSpread: "BelowKnee", legs: "OneLeg", "fever");

        var page = await runner.GetPageAsync(SummaryUrl);

        var evening = Assert.Single(page.QuerySelectorAll("#red-flags .summary-red-flags > li"));
        Assert.Equal("Urgent", evening.GetAttribute("data-level"));
        Assert.Contains(at.ToString("d MMM yyyy", CultureInfo.InvariantCulture), evening.TextContent, StringComparison.Ordinal);
        Assert.Contains("see a doctor today or tomorrow", evening.TextContent, StringComparison.Ordinal);
        var statements = evening.QuerySelectorAll("ul li").Select(li => li.TextContent).ToList();
        Assert.Equal(["Fever or chills with back pain.", "Pain spreading below the knee."], statements);
    }

    [Fact]
    public async Task Summary_PainDownBothLegs_IsListedAsAnEmergencyThoughNoQuestionWasSaved()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var checkedIn = await runner.CheckInAsync(null, 5, recordedAt: Local(DateTime.UtcNow.AddHours(-1)), legSpread: "ButtockOrThigh", legs: "BothLegs");
        // The plan page goes straight to its emergency screen without asking (or saving) the safety questions.
        await runner.GetPageAsync(checkedIn.Headers.Location!.OriginalString);

        var page = await runner.GetPageAsync(SummaryUrl);

        var evening = Assert.Single(page.QuerySelectorAll("#red-flags .summary-red-flags > li"));
        Assert.Equal("Emergency", evening.GetAttribute("data-level"));
        Assert.Contains("Pain going down both legs.", evening.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_LoggedDoses_AreListedByDateWithMgAndCountedPerIngredient()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var now = DateTime.UtcNow;
        await LogDoseAsync(runner, "advil", 2, now.AddHours(-30));
        await LogDoseAsync(runner, "tylenol-extra", 2, now.AddHours(-20));
        await LogDoseAsync(runner, "motrin-ib", 1, now.AddHours(-2));

        var page = await runner.GetPageAsync(SummaryUrl);

        var rows = page.QuerySelectorAll("#medication tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(["Advil", "Tylenol Extra Strength", "Motrin IB"], page.QuerySelectorAll("#medication .summary-dose-product").Select(p => p.TextContent));
        Assert.Equal(["Advil (ibuprofen)", "2 × 200 mg", "400"], rows[0].Skip(1));
        Assert.Equal(["Tylenol Extra Strength (acetaminophen)", "2 × 500 mg", "1,000"], rows[1].Skip(1));
        var ibuprofen = Text(page, "#medication li[data-ingredient='Ibuprofen']");
        Assert.Contains("2 doses", ibuprofen, StringComparison.Ordinal);
        Assert.Contains("600 mg in all", ibuprofen, StringComparison.Ordinal);
        Assert.Contains("1 dose on 1 day, 1,000 mg in all", Text(page, "#medication li[data-ingredient='Acetaminophen']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_AnotherRunnersNotesDosesAndRedFlags_NeverAppear()
    {
        var other = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        await RunWithCheckInsAsync(other, LastWeeksMonday().AddHours(7), "21", pain: 9, followUpPain: 8, notes: "Private note of the other runner");
        await LogDoseAsync(other, "aleve", 1, DateTime.UtcNow.AddHours(-1));
        await CheckInWithSafetyAnswersAsync(other, DateTime.UtcNow.AddMinutes(-30), pain: 8, legSpread: "No", legs: null, "lump");
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        await LogDoseAsync(runner, "advil", 1, DateTime.UtcNow.AddHours(-1));

        var mine = await runner.GetPageAsync(SummaryUrl);
        var theirs = await other.GetPageAsync(SummaryUrl);

        var body = mine.Body!.TextContent;
        Assert.DoesNotContain("Aleve", body, StringComparison.Ordinal);
        Assert.DoesNotContain("naproxen", body, StringComparison.Ordinal);
        Assert.DoesNotContain("A lump, or a change in the shape of your back", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Private note", body, StringComparison.Ordinal);
        Assert.Contains("None reported.", Text(mine, "#red-flags"), StringComparison.Ordinal);
        Assert.Contains("No runs logged", Text(mine, "#pain-trend"), StringComparison.Ordinal);
        Assert.Equal(["Advil"], mine.QuerySelectorAll("#medication .summary-dose-product").Select(td => td.TextContent));
        // The other runner's own summary has what this one's must not.
        Assert.Equal(["Aleve"], theirs.QuerySelectorAll("#medication .summary-dose-product").Select(td => td.TextContent));
        Assert.Contains("A lump, or a change in the shape of your back", Text(theirs, "#red-flags"), StringComparison.Ordinal);
        Assert.DoesNotContain("Private note", theirs.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_SampleRunner_ListsOnlyFactorsThatStandOutAsAssociations()
    {
        var visitor = app.NewRunner();
        var token = await visitor.AntiforgeryTokenAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.PostWithTokenAsync("/sample-data", token)).StatusCode);

        var page = await visitor.GetPageAsync(SummaryUrl);

        // Long runs were generated with more pain and stretching before with none.
        var longRuns = Text(page, "#factors li[data-factor='long-run']");
        Assert.Contains("points higher", longRuns, StringComparison.Ordinal);
        Assert.Matches(@"\(\d+\.\d to \d+\.\d\)", longRuns);
        Assert.Null(page.QuerySelector("#factors li[data-factor='stretched']"));
        Assert.Contains("associations in one person's diary, not causes", Text(page, "#factors"), StringComparison.Ordinal);
        Assert.Equal(12, page.QuerySelectorAll("#pain-trend tbody tr").Length);
        Assert.Equal(6, page.QuerySelectorAll("#remedies tbody tr").Length);
    }

    [Fact]
    public async Task Summary_EmptyDiary_RendersAndSaysWhatIsMissing()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");

        var page = await runner.GetPageAsync(SummaryUrl);

        Assert.Contains("The diary is empty", Text(page, ".summary-empty"), StringComparison.Ordinal);
        Assert.Contains("no diary entries yet", Text(page, ".summary-facts"), StringComparison.Ordinal);
        Assert.Contains("No back profile saved yet.", Text(page, "#profile"), StringComparison.Ordinal);
        Assert.Contains("None reported.", Text(page, "#red-flags"), StringComparison.Ordinal);
        Assert.Contains("No runs logged", Text(page, "#pain-trend"), StringComparison.Ordinal);
        Assert.Contains("No doses of over-the-counter pain relievers logged", Text(page, "#medication"), StringComparison.Ordinal);
        Assert.Contains("cannot be measured", Text(page, "#remedies"), StringComparison.Ordinal);
        Assert.Equal(6, page.QuerySelectorAll("#remedies tbody tr").Length);
        Assert.Contains("not enough runs", Text(page, "#factors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_PrintButtonAndStylesheet_LeaveTheMenusOffThePaper()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");

        var page = await runner.GetPageAsync(SummaryUrl);
        var stylesheet = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Single(href => href.StartsWith("/css/summary.css", StringComparison.Ordinal));
        var css = await runner.Http.GetStringAsync(stylesheet);

        var button = page.QuerySelector("button[data-print-page]")!;
        Assert.Equal("Print or save as PDF", button.TextContent);
        Assert.NotNull(button.Closest(".no-print"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/summary.js']"));
        var print = css[css.IndexOf("@media print", StringComparison.Ordinal)..];
        Assert.Contains(".site-header, .site-footer, .skip-link, .notice, .no-print { display: none !important; }", print, StringComparison.Ordinal);
        Assert.Contains("size: A4", print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_Anonymous_IsSentToSignIn()
    {
        var visitor = app.NewRunner();

        var response = await visitor.Http.GetAsync(SummaryUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class SummaryPageTestsOnSqlite(BackstrideApp app) : SummaryPageTests(app), IClassFixture<BackstrideApp>;

public sealed class SummaryPageTestsOnPostgres(PostgresBackstrideApp app) : SummaryPageTests(app), IClassFixture<PostgresBackstrideApp>;
