namespace Backstride.Activities.Xml;

/// <summary>
/// The sums a GPX track or TCX activity is summarised from, since neither format states a session the way FIT does.
/// </summary>
internal static class TrackMath
{
    // The mean Earth radius most running apps use; their totals then agree with ours to a fraction of a percent.
    private const double EarthRadiusMetres = 6_371_000;
    private const double RadiansPerDegree = Math.PI / 180;

    public static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    /// <summary>Great-circle (haversine) distance in metres between two positions in degrees.</summary>
    public static double GreatCircleMetres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var sinHalfLatitude = Math.Sin((latitude2 - latitude1) * RadiansPerDegree / 2);
        var sinHalfLongitude = Math.Sin((longitude2 - longitude1) * RadiansPerDegree / 2);
        var h = (sinHalfLatitude * sinHalfLatitude)
            + (Math.Cos(latitude1 * RadiansPerDegree) * Math.Cos(latitude2 * RadiansPerDegree) * sinHalfLongitude * sinHalfLongitude);

        // Rounding can push h a hair above 1 for antipodal points, where Asin would give NaN.
        return 2 * EarthRadiusMetres * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    /// <summary>
    /// Sets each positioned sample's distance to the path length from the first position, and returns the total
    /// (null when no sample has a position). Samples without a position keep NaN: where they were is unknown.
    /// </summary>
    public static double? FillCumulativeDistance(Span<ActivitySample> samples)
    {
        var total = 0.0;
        var started = false;
        double previousLatitude = 0, previousLongitude = 0;
        foreach (ref var sample in samples)
        {
            if (!sample.HasPosition)
            {
                continue;
            }
            if (started)
            {
                total += GreatCircleMetres(previousLatitude, previousLongitude, sample.Latitude, sample.Longitude);
            }
            sample.DistanceMetres = total;
            previousLatitude = sample.Latitude;
            previousLongitude = sample.Longitude;
            started = true;
        }
        return started ? total : null;
    }
}

/// <summary>A mean over the values that are present, without keeping them.</summary>
internal struct MeanAccumulator
{
    private double _sum;
    private long _count;

    public void Add(double value)
    {
        _sum += value;
        _count++;
    }

    public readonly double? Mean => _count == 0 ? null : _sum / _count;
}

/// <summary>Total climb: the sum of every rise from one altitude to the next, unsmoothed.</summary>
internal struct AscentAccumulator
{
    private double _previous;
    private double _total;
    private bool _started;

    public void Add(double altitude)
    {
        if (_started && altitude > _previous)
        {
            _total += altitude - _previous;
        }
        _previous = altitude;
        _started = true;
    }

    public readonly double? Total => _started ? _total : null;
}
