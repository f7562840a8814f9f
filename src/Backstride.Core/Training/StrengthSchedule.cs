namespace Backstride.Core.Training;

public enum RunDayKind
{
    Easy = 0,
    Long = 1,
    Hard = 2,
}

/// <summary>The runner's usual week: the days they like for strength work, how many sessions, and which days carry long or hard runs.</summary>
public sealed record TrainingWeek(
    IReadOnlySet<DayOfWeek> PreferredDays,
    int SessionsPerWeek,
    IReadOnlyDictionary<DayOfWeek, RunDayKind> UsualRuns);

/// <summary>A planned strength session; the reason says why it is not on a day the runner picked.</summary>
public sealed record ScheduledSession(DateOnly Date, string? Reason);

/// <summary>
/// Puts 2–3 strength sessions a week on days that suit the runs: not the day before a long run, not the day after
/// a hard run, not on a long or hard run's day, and never two days in a row. A moved session says why.
/// </summary>
public static class StrengthSchedule
{
    public static IReadOnlyList<ScheduledSession> ForWeek(DateOnly monday, TrainingWeek week,
        IReadOnlyDictionary<DateOnly, RunDayKind>? actualRuns = null)
    {
        var wanted = Math.Clamp(week.SessionsPerWeek, Programme.MinSessionsPerWeek, Programme.MaxSessionsPerWeek);
        var days = Enumerable.Range(0, 7).Select(monday.AddDays).ToList();

        RunDayKind RunOn(DateOnly date) =>
            actualRuns is not null && actualRuns.TryGetValue(date, out var actual) ? actual
            : week.UsualRuns.TryGetValue(date.DayOfWeek, out var usual) ? usual
            : RunDayKind.Easy;

        var suitable = days.Where(d => Unsuitable(d, RunOn) is null).ToList();
        var picked = days.Where(d => week.PreferredDays.Contains(d.DayOfWeek)).ToList();

        // Every set of suitable days with no two in a row is a candidate week (at most 2^7); take the largest up to
        // the sessions wanted that keeps the most of the runner's own days, and then the earliest.
        var best = Enumerable.Range(0, 1 << suitable.Count)
            .Select(mask => suitable.Where((_, i) => (mask & (1 << i)) != 0).ToList())
            .Where(set => set.Count <= wanted && set.Zip(set.Skip(1)).All(pair => pair.Second.DayNumber - pair.First.DayNumber > 1))
            .OrderByDescending(set => set.Count)
            .ThenByDescending(set => set.Count(picked.Contains))
            .ThenBy(set => set.Sum(d => d.DayNumber))
            .First();

        // Say why: each picked day that was left out is paired, in order, with a day that was not picked.
        var leftOut = new Queue<DateOnly>(picked.Where(d => !best.Contains(d)));
        return best.Select(day =>
        {
            if (picked.Contains(day))
            {
                return new ScheduledSession(day, null);
            }
            if (leftOut.TryDequeue(out var from))
            {
                var problem = Unsuitable(from, RunOn) ?? "that would make two strength days in a row";
                return new ScheduledSession(day, $"Moved from {Name(from)} to {Name(day)}: {problem}.");
            }
            return new ScheduledSession(day, $"Added on {Name(day)} to reach {wanted} sessions this week.");
        }).ToList();
    }

    /// <summary>Why a day does not suit a strength session, or null when it does.</summary>
    public static string? Unsuitable(DateOnly day, Func<DateOnly, RunDayKind> runOn) =>
        runOn(day.AddDays(1)) == RunDayKind.Long ? $"{Name(day)} is the day before your long run"
        : runOn(day.AddDays(-1)) == RunDayKind.Hard ? $"{Name(day)} is the day after a hard run"
        : runOn(day) == RunDayKind.Long ? $"{Name(day)} is your long-run day"
        : runOn(day) == RunDayKind.Hard ? $"{Name(day)} is a hard-run day"
        : null;

    private static string Name(DateOnly day) => day.DayOfWeek.ToString();

    /// <summary>The Monday of the week a date falls in.</summary>
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
