namespace Backstride.Activities.Xml;

/// <summary>
/// Receives a track's samples in order and keeps what a summary needs (first and last sample, count, path length,
/// last recorded distance) whether or not it keeps the samples themselves. Reading without keeping them is what
/// holds memory flat for a file of any size: a 500 MB GPX has millions of points.
/// </summary>
internal sealed class SampleCollector(bool keepSamples)
{
    private readonly List<ActivitySample> _kept = keepSamples ? new(capacity: 1024) : [];
    private double _previousLatitude;
    private double _previousLongitude;
    private bool _hasPosition;
    private double _pathMetres;

    public int Count { get; private set; }

    public ActivitySample First { get; private set; }

    public ActivitySample Last { get; private set; }

    /// <summary>The last distance a sample carried (NaN when none did).</summary>
    public double LastDistance { get; private set; } = double.NaN;

    /// <summary>The path length through the positioned samples, or null when none had a position.</summary>
    public double? PathMetres => _hasPosition ? _pathMetres : null;

    public void Add(in ActivitySample sample)
    {
        if (Count == 0)
        {
            First = sample;
        }
        Last = sample;
        Count++;
        if (sample.HasPosition)
        {
            if (_hasPosition)
            {
                _pathMetres += TrackMath.GreatCircleMetres(_previousLatitude, _previousLongitude, sample.Latitude, sample.Longitude);
            }
            _previousLatitude = sample.Latitude;
            _previousLongitude = sample.Longitude;
            _hasPosition = true;
        }
        if (!double.IsNaN(sample.DistanceMetres))
        {
            LastDistance = sample.DistanceMetres;
        }
        if (keepSamples)
        {
            _kept.Add(sample);
        }
    }

    /// <summary>The kept samples, or none when the collector was told not to keep them.</summary>
    public ActivitySample[] ToArray() => keepSamples ? _kept.ToArray() : [];
}
