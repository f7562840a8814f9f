using System.Globalization;

namespace Backstride.Core.Units;

/// <summary>Pace is derived from distance and duration, never stored.</summary>
public static class Pace
{
    // Slower than a day per kilometre is no running pace; showing none beats showing nonsense (or overflowing).
    private const double SlowestSecondsPerUnit = 86_400;

    /// <summary>Seconds per kilometre or per mile; null when there is no meaningful pace.</summary>
    public static double? SecondsPerUnit(double distanceMetres, TimeSpan duration, DistanceUnit unit)
    {
        if (!double.IsFinite(distanceMetres) || distanceMetres <= 0 || duration <= TimeSpan.Zero)
        {
            return null;
        }
        var seconds = duration.TotalSeconds / Distances.FromMetres(distanceMetres, unit);
        return seconds <= SlowestSecondsPerUnit ? seconds : null;
    }

    /// <summary>"5:07 /km"; an em dash when there is no pace.</summary>
    public static string Format(double distanceMetres, TimeSpan duration, DistanceUnit unit)
    {
        var seconds = SecondsPerUnit(distanceMetres, duration, unit);
        if (seconds is null)
        {
            return "—";
        }
        var rounded = TimeSpan.FromSeconds(Math.Round(seconds.Value));
        var minutes = (int)rounded.TotalMinutes;
        return string.Create(CultureInfo.InvariantCulture, $"{minutes}:{rounded.Seconds:00} /{Distances.Abbreviation(unit)}");
    }
}

public static class Durations
{
    // Far beyond any rule's limit, but small enough that TimeSpan arithmetic cannot overflow.
    private const double MaxRepresentableSeconds = 1e9;

    /// <summary>A duration from typed seconds; absurd values stay absurd (for the rules to refuse) instead of overflowing.</summary>
    public static TimeSpan? FromSeconds(double? seconds) => seconds switch
    {
        null => null,
        double.NaN => TimeSpan.Zero,
        > MaxRepresentableSeconds => TimeSpan.FromSeconds(MaxRepresentableSeconds),
        < -MaxRepresentableSeconds => TimeSpan.FromSeconds(-MaxRepresentableSeconds),
        { } value => TimeSpan.FromSeconds(value),
    };

    /// <summary>Hours, minutes and seconds as typed in three boxes; null when all three are empty.</summary>
    public static TimeSpan? FromParts(int? hours, int? minutes, int? seconds) =>
        hours is null && minutes is null && seconds is null
            ? null
            : FromSeconds((hours ?? 0) * 3600.0 + (minutes ?? 0) * 60.0 + (seconds ?? 0));

    /// <summary>"42:05" under an hour, "1:02:03" from an hour on.</summary>
    public static string Format(TimeSpan duration)
    {
        var total = TimeSpan.FromSeconds(Math.Round(duration.TotalSeconds));
        return total.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)total.TotalHours}:{total.Minutes:00}:{total.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{total.Minutes}:{total.Seconds:00}");
    }
}
