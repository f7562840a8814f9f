using Backstride.Core.Units;

namespace Backstride.Core.Runners;

/// <summary>How a runner wants to see things: units, time zone, and birth year (which medication rules will use).</summary>
public sealed class RunnerSettings : IOwnedByRunner
{
    public const string DefaultTimeZoneId = "UTC";

    public Guid UserId { get; set; }

    public DistanceUnit Units { get; set; } = DistanceUnit.Kilometres;

    public string TimeZoneId { get; set; } = DefaultTimeZoneId;

    public int? BirthYear { get; set; }

    public TimeZoneInfo TimeZone => RunnerSettingsRules.FindTimeZone(TimeZoneId) ?? TimeZoneInfo.Utc;

    /// <summary>The runner's wall-clock time for an instant.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    /// <summary>
    /// An instant for a wall-clock time the runner typed; null when it cannot be one (a year at the very edge of
    /// the calendar). A time skipped by a clock change is read with the offset in force just before the change,
    /// so it lands as far past the change as it was typed into the gap.
    /// </summary>
    public DateTimeOffset? FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var zone = TimeZone;
        try
        {
            var probe = unspecified;
            // Clock-change gaps are at most a few hours; step back until the wall clock exists again.
            for (var step = 0; zone.IsInvalidTime(probe) && step < 96; step++)
            {
                probe = probe.AddMinutes(-15);
            }
            return new DateTimeOffset(unspecified, zone.GetUtcOffset(probe)).ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
