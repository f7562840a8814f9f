using System.Globalization;

namespace Backstride.Core.Units;

public enum DistanceUnit
{
    Kilometres = 0,
    Miles = 1,
}

/// <summary>Conversions between the runner's chosen unit and metres, which is what is stored.</summary>
public static class Distances
{
    public const double MetresPerKilometre = 1000.0;

    // International mile, exactly 1,609.344 m.
    public const double MetresPerMile = 1609.344;

    public static double MetresPer(DistanceUnit unit) => unit switch
    {
        DistanceUnit.Kilometres => MetresPerKilometre,
        DistanceUnit.Miles => MetresPerMile,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown distance unit."),
    };

    public static double ToMetres(double value, DistanceUnit unit) => value * MetresPer(unit);

    public static double FromMetres(double metres, DistanceUnit unit) => metres / MetresPer(unit);

    public static string Abbreviation(DistanceUnit unit) => unit == DistanceUnit.Miles ? "mi" : "km";

    /// <summary>"10.25 km": two decimals at most, trailing zeros dropped.</summary>
    public static string Format(double metres, DistanceUnit unit) =>
        FromMetres(metres, unit).ToString("0.##", CultureInfo.InvariantCulture) + " " + Abbreviation(unit);
}
