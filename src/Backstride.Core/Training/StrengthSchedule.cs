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
        var chosen = new List<ScheduledSession>();

        RunDayKind RunOn(DateOnly date) =>
            actualRuns is not null && actualRuns.TryGetValue(date, out var actual) ? actual
            : week.UsualRuns.TryGetValue(date.DayOfWeek, out var usual) ? usual
            : RunDayKind.Easy;

        bool NextToChosen(DateOnly date) => chosen.Any(s => Math.Abs(s.Date.DayNumber - date.DayNumber) <= 1);

        var picked = days.Where(d => week.PreferredDays.Contains(d.DayOfWeek)).ToList();
        foreach (var day in picked)
        {
            if (chosen.Count == wanted)
            {
                break;
            }
            var problem = Unsuitable(day, RunOn);
            if (problem is null && !NextToChosen(day))
            {
                chosen.Add(new ScheduledSession(day, null));
                continue;
            }
            // Nearest other day of the week that suits, tried after then before.
            var alternative = Enumerable.Range(1, 6)
                .SelectMany(offset => new[] { day.AddDays(offset), day.AddDays(-offset) })
                .Where(d => d >= monday && d < monday.AddDays(7))
                .FirstOrDefault(d => Unsuitable(d, RunOn) is null && !NextToChosen(d) && chosen.All(s => s.Date != d)
                    && !(picked.Contains(d) && d > day));
            if (alternative != default)
            {
                chosen.Add(new ScheduledSession(alternative,
                    $"Moved from {Name(day)} to {Name(alternative)}: {problem ?? "it would make two strength days in a row"}."));
            }
        }

        // Fewer picked days than sessions wanted: fill from the remaining suitable days.
        foreach (var day in days)
        {
            if (chosen.Count >= wanted)
            {
                break;
            }
            if (chosen.All(s => s.Date != day) && Unsuitable(day, RunOn) is null && !NextToChosen(day))
            {
                chosen.Add(new ScheduledSession(day, $"Added on {Name(day)} to reach {wanted} sessions this week."));
            }
        }
        return chosen.OrderBy(s => s.Date).ToList();
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
