using System.Globalization;

namespace Backstride.Core.Units;

/// <summary>Pace is derived from distance and duration, never stored.</summary>
public static class Pace
{
    /// <summary>Seconds per kilometre or per mile; null when there is no distance to divide by.</summary>
    public static double? SecondsPerUnit(double distanceMetres, TimeSpan duration, DistanceUnit unit)
    {
        if (distanceMetres <= 0 || duration <= TimeSpan.Zero)
        {
            return null;
        }
        return duration.TotalSeconds / Distances.FromMetres(distanceMetres, unit);
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
    /// <summary>"42:05" under an hour, "1:02:03" from an hour on.</summary>
    public static string Format(TimeSpan duration)
    {
        var total = TimeSpan.FromSeconds(Math.Round(duration.TotalSeconds));
        return total.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)total.TotalHours}:{total.Minutes:00}:{total.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{total.Minutes}:{total.Seconds:00}");
    }
}
