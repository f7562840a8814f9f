using Backstride.Core.Runners;
using Backstride.Core.Training;

namespace Backstride.Web.Features.Training;

/// <summary>This week's strength sessions in the runner's own days, and the next one from now.</summary>
public sealed record TrainingWeekView(IReadOnlyList<ScheduledSession> Sessions, ScheduledSession? Next, int Done)
{
    public static TrainingWeekView For(TrainingPlan plan, RunnerSettings settings, DateTimeOffset now, int done)
    {
        var today = DateOnly.FromDateTime(settings.ToLocal(now));
        var monday = StrengthSchedule.MondayOf(today);
        var sessions = StrengthSchedule.ForWeek(monday, plan.Week);
        var next = sessions.FirstOrDefault(s => s.Date >= today)
            ?? StrengthSchedule.ForWeek(monday.AddDays(7), plan.Week).FirstOrDefault();
        return new TrainingWeekView(sessions, next, done);
    }

    /// <summary>The start and end of the runner's current week, as instants.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) WeekBounds(RunnerSettings settings, DateTimeOffset now)
    {
        var monday = StrengthSchedule.MondayOf(DateOnly.FromDateTime(settings.ToLocal(now)));
        var from = settings.FromLocal(monday.ToDateTime(TimeOnly.MinValue)) ?? now.AddDays(-7);
        var until = settings.FromLocal(monday.AddDays(7).ToDateTime(TimeOnly.MinValue)) ?? now.AddDays(7);
        return (from, until);
    }
}
