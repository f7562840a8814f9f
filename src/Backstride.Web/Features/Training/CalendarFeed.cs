using Backstride.Core.Runners;
using Backstride.Core.Training;
using Backstride.Data.Diary;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Backstride.Web.Features.Training;

/// <summary>An iCalendar subscription of the runner's strength sessions, addressed by a secret, revocable token.</summary>
public static class CalendarFeed
{
    public const int WeeksAhead = 4;

    // Sessions have no clock time of their own; early evening is when most runners do them.
    public static readonly TimeOnly SessionStart = new(18, 0);
    public static readonly TimeSpan SessionLength = TimeSpan.FromMinutes(40);

    public static void MapCalendarFeed(this WebApplication app) =>
        app.MapGet("/calendar/{token}.ics", async (string token, CalendarFeedQuery feeds, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (await feeds.FindAsync(token, cancellationToken) is not { } feed)
            {
                return Results.NotFound();
            }
            var settings = new RunnerSettings { TimeZoneId = feed.TimeZoneId };
            var today = DateOnly.FromDateTime(settings.ToLocal(clock.GetUtcNow()));
            var monday = StrengthSchedule.MondayOf(today);
            var calendar = new Calendar { ProductId = "-//Backstride//Strength training//EN" };
            calendar.AddTimeZone(settings.TimeZone.Id);
            for (var week = 0; week < WeeksAhead; week++)
            {
                // The runner's usual long and hard runs, as all-day events, so the week reads whole in the calendar.
                foreach (var day in Enumerable.Range(0, 7).Select(d => monday.AddDays(7 * week + d)))
                {
                    if (feed.Plan.Week.UsualRuns.TryGetValue(day.DayOfWeek, out var kind))
                    {
                        calendar.Events.Add(new CalendarEvent
                        {
                            Uid = $"run-{feed.Plan.FeedId:N}-{day:yyyyMMdd}@backstride",
                            Summary = kind == RunDayKind.Long ? "Long run (planned)" : "Hard run (planned)",
                            DtStart = new CalDateTime(day.Year, day.Month, day.Day),
                        });
                    }
                }
                // This week's earlier days stay in, so calendar apps don't see past sessions vanish.
                foreach (var session in StrengthSchedule.ForWeek(monday.AddDays(7 * week), feed.Plan.Week))
                {
                    var start = session.Date.ToDateTime(SessionStart);
                    calendar.Events.Add(new CalendarEvent
                    {
                        Uid = $"strength-{feed.Plan.FeedId:N}-{session.Date:yyyyMMdd}@backstride",
                        Summary = "Strength session (Backstride)",
                        Description = session.Reason ?? "Squats, hip hinges and core work, about 40 minutes.",
                        DtStart = new CalDateTime(start, settings.TimeZone.Id),
                        DtEnd = new CalDateTime(start + SessionLength, settings.TimeZone.Id),
                    });
                }
            }
            return Results.Text(new CalendarSerializer().SerializeToString(calendar) ?? "", "text/calendar; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
}
