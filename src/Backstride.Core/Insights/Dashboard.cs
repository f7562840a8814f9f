using System.Globalization;
using Backstride.Core.Units;

namespace Backstride.Core.Insights;

public sealed record PainPoint(DateTimeOffset At, double Pain);

/// <summary>
/// One Monday-to-Sunday week in the runner's local time: its distance and runs, and the mean pain after those runs and
/// at their follow-ups (null when none was scored). Weeks without runs are kept with zeros.
/// </summary>
public sealed record WeekFigures(DateOnly WeekStart, double Metres, int Runs, double? MeanPainAfterRuns = null, double? MeanFollowUpPain = null);

/// <summary>What happened in one stretch of time; pain means are null when no run in it has the score.</summary>
public sealed record PeriodFigures(int Runs, double Metres, double? MeanPainAfterRuns, double? MeanFollowUpPain, int PainFreeRuns, int CheckIns);

public sealed record DashboardSummary(
    IReadOnlyList<PainPoint> PainAfterRuns,
    IReadOnlyList<PainPoint> SevenDayMean,
    IReadOnlyList<WeekFigures> Weeks,
    int PainFreeRunsInARow,
    PeriodFigures Last4Weeks,
    PeriodFigures Previous4Weeks,
    IReadOnlyList<string> Changes);

/// <summary>The figures at the top of the insights page: pain after runs over time, weekly distance, and the last 4 weeks against the 4 before.</summary>
public static class Dashboard
{
    public static readonly TimeSpan PeriodLength = TimeSpan.FromDays(28);

    public const int MeanDays = 7;

    /// <summary>
    /// The window is [windowStart, now]. Each week touched by the window is counted whole, so the first bar is not a
    /// misleadingly short partial week. The 7-day mean looks back before the window so its first point is a full mean.
    /// </summary>
    public static DashboardSummary Build(InsightDiary diary, IReadOnlyList<RunEvening> evenings, DateTimeOffset now, DateTimeOffset windowStart, DistanceUnit unit)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(evenings);
        var zone = diary.TimeZone;
        var ordered = evenings
            .Where(e => e.CheckIn.RecordedAt <= now)
            .OrderBy(e => e.CheckIn.RecordedAt)
            .ThenBy(e => e.CheckIn.Id)
            .ToList();

        var painAfterRuns = ordered
            .Where(e => e.CheckIn.RecordedAt >= windowStart)
            .Select(e => new PainPoint(e.CheckIn.RecordedAt, e.CheckIn.Pain))
            .ToList();

        var last4 = Period(diary, ordered, now - PeriodLength, now);
        var previous4 = Period(diary, ordered, now - 2 * PeriodLength, now - PeriodLength);
        return new DashboardSummary(
            painAfterRuns,
            SevenDayMean(ordered, zone, windowStart),
            Weeks(diary.Runs, evenings, zone, now, windowStart),
            PainFreeInARow(ordered),
            last4,
            previous4,
            Changes(last4, previous4, unit));
    }

    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    public static DateOnly WeekStartOf(DateOnly day) =>
        day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static List<PainPoint> SevenDayMean(List<RunEvening> ordered, TimeZoneInfo zone, DateTimeOffset windowStart)
    {
        var days = ordered
            .Select(e => (Day: LocalDate(e.CheckIn.RecordedAt, zone), e.CheckIn.RecordedAt, e.CheckIn.Pain))
            .ToList();
        var points = new List<PainPoint>();
        var from = 0;
        double sum = 0;
        var index = 0;
        while (index < days.Count)
        {
            var day = days[index].Day;
            var lastOfDay = index;
            while (lastOfDay + 1 < days.Count && days[lastOfDay + 1].Day == day)
            {
                lastOfDay++;
            }
            for (var i = index; i <= lastOfDay; i++)
            {
                sum += days[i].Pain;
            }
            // Sliding window over the sorted check-ins: drop those before the 7 local days ending today.
            var firstDay = day.AddDays(-(MeanDays - 1));
            while (days[from].Day < firstDay)
            {
                sum -= days[from].Pain;
                from++;
            }
            // The point sits at the day's last check-in so the mean never includes a score from after its own time.
            if (days[lastOfDay].RecordedAt >= windowStart)
            {
                points.Add(new PainPoint(days[lastOfDay].RecordedAt, sum / (lastOfDay + 1 - from)));
            }
            index = lastOfDay + 1;
        }
        return points;
    }

    private static List<WeekFigures> Weeks(IReadOnlyList<RunRow> runs, IReadOnlyList<RunEvening> evenings, TimeZoneInfo zone,
        DateTimeOffset now, DateTimeOffset windowStart)
    {
        var firstWeek = WeekStartOf(LocalDate(windowStart, zone));
        var lastWeek = WeekStartOf(LocalDate(now, zone));
        var weekCount = lastWeek < firstWeek ? 0 : (lastWeek.DayNumber - firstWeek.DayNumber) / 7 + 1;
        var metres = new double[weekCount];
        var counts = new int[weekCount];
        var pain = new (double Sum, int Count)[weekCount];
        var followUp = new (double Sum, int Count)[weekCount];
        int? SlotOf(DateTimeOffset runStart)
        {
            if (runStart > now)
            {
                return null;
            }
            var week = WeekStartOf(LocalDate(runStart, zone));
            var slot = (week.DayNumber - firstWeek.DayNumber) / 7;
            return week < firstWeek || slot >= weekCount ? null : slot;
        }
        foreach (var run in runs)
        {
            if (SlotOf(run.StartedAt) is { } slot)
            {
                metres[slot] += run.DistanceMetres;
                counts[slot]++;
            }
        }
        // Pain belongs to the week its run started in, as the distance does.
        foreach (var evening in evenings)
        {
            if (SlotOf(evening.Run.StartedAt) is not { } slot)
            {
                continue;
            }
            pain[slot] = (pain[slot].Sum + evening.CheckIn.Pain, pain[slot].Count + 1);
            if (evening.FollowUp is { } later)
            {
                followUp[slot] = (followUp[slot].Sum + later.Pain, followUp[slot].Count + 1);
            }
        }
        static double? Mean((double Sum, int Count) total) => total.Count == 0 ? null : total.Sum / total.Count;
        return Enumerable.Range(0, weekCount)
            .Select(i => new WeekFigures(firstWeek.AddDays(7 * i), metres[i], counts[i], Mean(pain[i]), Mean(followUp[i])))
            .ToList();
    }

    private static int PainFreeInARow(List<RunEvening> ordered)
    {
        var count = 0;
        for (var i = ordered.Count - 1; i >= 0 && ordered[i].CheckIn.Pain == 0; i--)
        {
            count++;
        }
        return count;
    }

    /// <summary>Runs and their evenings belong to the period their run started in, so both counts cover the same runs.</summary>
    private static PeriodFigures Period(InsightDiary diary, List<RunEvening> ordered, DateTimeOffset from, DateTimeOffset until)
    {
        bool In(DateTimeOffset at) => at >= from && at < until;
        var runs = diary.Runs.Where(r => In(r.StartedAt)).ToList();
        var inPeriod = ordered.Where(e => In(e.Run.StartedAt)).ToList();
        var followUps = inPeriod.Where(e => e.FollowUp is not null).Select(e => (double)e.FollowUp!.Pain).ToList();
        return new PeriodFigures(
            runs.Count,
            runs.Sum(r => r.DistanceMetres),
            inPeriod.Count == 0 ? null : inPeriod.Average(e => (double)e.CheckIn.Pain),
            followUps.Count == 0 ? null : followUps.Average(),
            inPeriod.Count(e => e.CheckIn.Pain == 0),
            diary.CheckIns.Count(c => In(c.RecordedAt)));
    }

    private static List<string> Changes(PeriodFigures last, PeriodFigures previous, DistanceUnit unit)
    {
        var changes = new List<string> { DistanceChange(last, previous, unit) };
        if (PainChange("Your pain after runs", last.MeanPainAfterRuns, previous.MeanPainAfterRuns) is { } pain)
        {
            changes.Add(pain);
        }
        if (PainChange("Your pain at the follow-up", last.MeanFollowUpPain, previous.MeanFollowUpPain) is { } followUp)
        {
            changes.Add(followUp);
        }
        // Two zeros say nothing the pain sentences have not already said.
        if (last.PainFreeRuns + previous.PainFreeRuns > 0)
        {
            changes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Pain-free runs: {last.PainFreeRuns} in the last 4 weeks, {previous.PainFreeRuns} in the 4 before."));
        }
        return changes;
    }

    private static string DistanceChange(PeriodFigures last, PeriodFigures previous, DistanceUnit unit)
    {
        if (last.Runs == 0 && previous.Runs == 0)
        {
            return "You logged no runs in the last 8 weeks.";
        }
        if (last.Runs == 0)
        {
            return $"You logged no runs in the last 4 weeks; in the 4 before you ran {Distance(previous.Metres, unit)}.";
        }
        var ran = $"You ran {Distance(last.Metres, unit)} in the last 4 weeks";
        if (previous.Runs == 0)
        {
            return ran + ", and logged no runs in the 4 before.";
        }
        // The difference is taken between the shown, rounded figures so the sentence adds up for the reader.
        var difference = Rounded(last.Metres, unit) - Rounded(previous.Metres, unit);
        if (Math.Abs(difference) < 1e-9)
        {
            return ran + ", the same as in the 4 before.";
        }
        var direction = difference > 0 ? "more" : "less";
        return $"{ran}, {Distance(Math.Abs(difference), unit)} {direction} than in the 4 before.";
    }

    /// <summary>Whole units from 10 up, one decimal below, so "92 km" and "3.4 mi" both read naturally.</summary>
    private static double Rounded(double metres, DistanceUnit unit)
    {
        var inUnit = Distances.FromMetres(metres, unit);
        var rounded = Math.Round(inUnit, inUnit >= 10 ? 0 : 1, MidpointRounding.AwayFromZero);
        return Distances.ToMetres(rounded, unit);
    }

    private static string Distance(double metres, DistanceUnit unit) => Distances.Format(Rounded(metres, unit), unit);

    private static string? PainChange(string subject, double? last, double? previous)
    {
        if (last is not { } now)
        {
            return previous is { } earlier
                ? $"{subject} averaged {Score(earlier)} in the 4 weeks before the last; there are no scores from the last 4 weeks."
                : null;
        }
        if (previous is not { } before)
        {
            return $"{subject} averaged {Score(now)} in the last 4 weeks; there are no scores from the 4 before to compare with.";
        }
        if (Score(now) == Score(before))
        {
            return $"{subject} averaged {Score(now)}, the same as in the 4 weeks before.";
        }
        var direction = now < before ? "down" : "up";
        return $"{subject} averaged {Score(now)}, {direction} from {Score(before)}.";
    }

    private static string Score(double pain) =>
        Math.Round(pain, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
}
