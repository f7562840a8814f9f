using Backstride.Core.Insights;
using Backstride.Core.Runners;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Insights;

public sealed class InsightsIndexModel(InsightLoader loader, TimeProvider clock) : PageModel
{
    /// <summary>The windows the charts can show; six months keeps a phone chart readable.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, int? Days)> Ranges =
    [
        ("3m", "3 months", 91),
        ("6m", "6 months", 182),
        ("1y", "1 year", 365),
        ("all", "Everything", null),
    ];

    public string Range { get; private set; } = "6m";

    public RunnerSettings Settings { get; private set; } = new();

    public DashboardSummary Summary { get; private set; } = null!;

    public int RunsWithPain { get; private set; }

    /// <summary>Pain after runs has kept rising for weeks: a reason to see a doctor (CLINICAL.md §2).</summary>
    public bool PainKeepsRising { get; private set; }

    public string PainChartSvg { get; private set; } = "";

    public string DistanceChartSvg { get; private set; } = "";

    /// <summary>The charts' text alternative: every week of the window, newest first.</summary>
    public IReadOnlyList<WeekFigures> WeekRows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] string? range, CancellationToken cancellationToken)
    {
        range ??= "6m";
        if (!Ranges.Any(r => r.Key == range))
        {
            return Redirect("/insights");
        }
        await LoadAsync(range, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string range, CancellationToken cancellationToken)
    {
        Range = range;
        var context = await loader.LoadAsync(cancellationToken);
        Settings = context.Settings;
        RunsWithPain = context.Evenings.Count;
        var now = clock.GetUtcNow();
        PainKeepsRising = Core.Triage.PainTrend.KeepsRising(context.Diary.CheckIns, now);
        var days = Ranges.First(r => r.Key == range).Days;
        var first = context.Evenings.Count > 0 ? context.Evenings[0].CheckIn.RecordedAt : now.AddDays(-28);
        var from = days is { } d ? now.AddDays(-d) : first.AddDays(-7);
        Summary = Dashboard.Build(context.Diary, context.Evenings, now, from, Settings.Units);
        var zone = Settings.TimeZone;
        if (RunsWithPain > 0)
        {
            PainChartSvg = InsightCharts.PainAfterRuns(Summary, from, now, zone);
            DistanceChartSvg = InsightCharts.WeeklyDistance(Summary, from, now, zone, Settings.Units);
        }
        WeekRows = Summary.Weeks.Reverse().ToList();
    }
}
