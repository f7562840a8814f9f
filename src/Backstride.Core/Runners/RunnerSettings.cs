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

    /// <summary>An instant for a wall-clock time the runner typed; a time skipped by a clock change moves forward.</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var zone = TimeZone;
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }
        var offset = zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }
}
