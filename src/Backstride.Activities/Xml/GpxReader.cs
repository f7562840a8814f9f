using System.Xml;

namespace Backstride.Activities.Xml;

/// <summary>
/// Reads the track of a GPX 1.0 or 1.1 file (gpx/trk/trkseg/trkpt) in one forward pass and summarises it as one
/// session. Waypoints and routes are planned places, not a run: they are passed over. A track point without a
/// time is counted in <see cref="Activity.RecordCount"/> but not kept, since a sample is a moment of the run.
/// </summary>
internal sealed class GpxReader
{
    private readonly XmlCursor _cursor;
    private readonly XmlReader _reader;
    private readonly string _mainNamespace;

    // Names as the reader's name table holds them, so that matching a name is one reference comparison.
    private readonly string _trk;
    private readonly string _trkseg;
    private readonly string _trkpt;
    private readonly string _type;
    private readonly string _ele;
    private readonly string _time;
    private readonly string _speed;
    private readonly string _lat;
    private readonly string _lon;
    private readonly string _hr;
    private readonly string _cad;
    private readonly string _trackPointExtensionV1;
    private readonly string _trackPointExtensionV2;

    private readonly SampleCollector _samples;
    private string? _typeText;
    private int _recordCount;
    private int _untimedPoints;
    private MeanAccumulator _heartRate;
    private MeanAccumulator _cadencePerLeg;
    private AscentAccumulator _ascent;

    // The track point being read: its depth (-1 outside one) and its values so far. Altitude and cadence are kept
    // as read too, because the sample holds altitude as a float and cadence in steps per minute.
    private int _pointDepth = -1;
    private ActivitySample _point;
    private double _pointAltitude;
    private double _pointCadence;
    private bool _pointHasTime;

    // The element whose text comes next, if it is one we want.
    private Field _pending;

    public GpxReader(XmlCursor cursor, bool keepSamples = true)
    {
        _samples = new SampleCollector(keepSamples);
        _cursor = cursor;
        _reader = cursor.Reader;
        _mainNamespace = _reader.NamespaceURI;

        var names = _reader.NameTable;
        _trk = names.Add("trk");
        _trkseg = names.Add("trkseg");
        _trkpt = names.Add("trkpt");
        _type = names.Add("type");
        _ele = names.Add("ele");
        _time = names.Add("time");
        _speed = names.Add("speed");
        _lat = names.Add("lat");
        _lon = names.Add("lon");
        _hr = names.Add("hr");
        _cad = names.Add("cad");
        _trackPointExtensionV1 = names.Add(XmlActivityReader.TrackPointExtensionV1Namespace);
        _trackPointExtensionV2 = names.Add(XmlActivityReader.TrackPointExtensionV2Namespace);
    }

    private enum Field
    {
        None,
        Type,
        Elevation,
        Time,
        Speed,
        HeartRate,
        Cadence,
    }

    /// <summary>Reads from the root element (where the reader stands) to the end of the document.</summary>
    public Activity Read()
    {
        var reader = _reader;
        _cursor.Enter(reader.LocalName);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    OnElement();
                    break;
                case XmlNodeType.EndElement:
                    _pending = Field.None;
                    if (reader.Depth == _pointDepth)
                    {
                        EndPoint();
                    }
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    if (_pending != Field.None)
                    {
                        OnValue();
                    }
                    break;
            }
        }
        return Build();
    }

    private void OnElement()
    {
        var name = _reader.LocalName;
        var ns = _reader.NamespaceURI;
        _pending = Field.None;

        // GPX elements are in the root's namespace, or in none when the file omits it (real exports do).
        var isGpx = ReferenceEquals(ns, _mainNamespace) || ns.Length == 0;
        var depth = _cursor.Enter(isGpx ? name : null);

        if (_pointDepth >= 0)
        {
            if (isGpx)
            {
                if (depth == _pointDepth + 1)
                {
                    // speed is GPX 1.0's; 1.1 dropped it, but a value where 1.0 put it is still a speed.
                    _pending = Is(name, _ele) ? Field.Elevation
                        : Is(name, _time) ? Field.Time
                        : Is(name, _speed) ? Field.Speed
                        : Field.None;
                }
            }
            else if (Is(ns, _trackPointExtensionV1) || Is(ns, _trackPointExtensionV2))
            {
                // Garmin's extension, by namespace whatever its prefix and wherever under the point it nests.
                _pending = Is(name, _hr) ? Field.HeartRate
                    : Is(name, _cad) ? Field.Cadence
                    : Is(name, _speed) && Is(ns, _trackPointExtensionV2) ? Field.Speed
                    : Field.None;
            }
            return;
        }

        if (!isGpx)
        {
            return;
        }

        // The root is gpx at depth 0, so a track point is at depth 3 under trkseg under trk.
        if (depth == 3 && Is(name, _trkpt) && Is(_cursor.Ancestor(2), _trkseg) && Is(_cursor.Ancestor(1), _trk))
        {
            BeginPoint(depth);
        }
        else if (depth == 2 && Is(name, _type) && Is(_cursor.Ancestor(1), _trk) && _typeText is null)
        {
            _pending = Field.Type;
        }
    }

    private void BeginPoint(int depth)
    {
        _recordCount++;
        _point = ActivitySample.Empty(default);
        _pointAltitude = double.NaN;
        _pointCadence = double.NaN;
        _pointHasTime = false;

        var isEmpty = _reader.IsEmptyElement;
        ReadPosition();
        if (isEmpty)
        {
            EndPoint(); // <trkpt .../> has no end tag to close it
        }
        else
        {
            _pointDepth = depth;
        }
    }

    private void ReadPosition()
    {
        if (!_reader.MoveToFirstAttribute())
        {
            return;
        }
        do
        {
            if (_reader.NamespaceURI.Length != 0)
            {
                continue;
            }
            var name = _reader.LocalName;
            if (Is(name, _lat))
            {
                _point.Latitude = _cursor.ParseLatitude(_reader.Value, "the lat of <trkpt>");
            }
            else if (Is(name, _lon))
            {
                _point.Longitude = _cursor.ParseLongitude(_reader.Value, "the lon of <trkpt>");
            }
        }
        while (_reader.MoveToNextAttribute());
        _reader.MoveToElement();
    }

    private void OnValue()
    {
        var field = _pending;
        _pending = Field.None;
        var text = _cursor.ReadValue();
        if (text.IsEmpty)
        {
            return;
        }

        switch (field)
        {
            case Field.Type:
                _typeText = text.ToString();
                break;
            case Field.Elevation:
                _pointAltitude = _cursor.ParseNumber(text, "<ele>");
                _point.AltitudeMetres = (float)_pointAltitude;
                break;
            case Field.Time:
                _point.Time = _cursor.ParseTime(text, "<time>");
                _pointHasTime = true;
                break;
            case Field.Speed:
                _point.SpeedMetresPerSecond = (float)_cursor.ParseNumber(text, "<speed>");
                break;
            case Field.HeartRate:
                _point.HeartRate = (float)_cursor.ParseNumber(text, "<hr>");
                break;
            case Field.Cadence:
                _pointCadence = _cursor.ParseNumber(text, "<cad>");
                break;
        }
    }

    private void EndPoint()
    {
        _pointDepth = -1;
        if (!_pointHasTime)
        {
            _untimedPoints++;
            return;
        }

        if (!double.IsNaN(_pointAltitude))
        {
            _ascent.Add(_pointAltitude);
        }
        if (!float.IsNaN(_point.HeartRate))
        {
            _heartRate.Add(_point.HeartRate);
        }
        if (!double.IsNaN(_pointCadence))
        {
            _cadencePerLeg.Add(_pointCadence);
            _point.CadenceStepsPerMinute = (float)_pointCadence; // doubled in Build for a run
        }
        _samples.Add(_point);
    }

    private Activity Build()
    {
        if (_samples.Count == 0)
        {
            throw new ActivityFileException(ActivityFileProblem.NoActivity, _recordCount == 0
                ? "The file holds no track points."
                : $"None of the file's {_recordCount} track points has a time, so they do not make a run.");
        }

        var sport = SportFromType(_typeText);
        // A file that names no sport is taken for a run, as SummariseRun does: its cadence is per leg too.
        var running = ActivityMetrics.IsRunning(sport) || ActivityMetrics.IsUnnamed(sport);
        var samples = _samples.ToArray();
        if (running)
        {
            // cad counts one leg's steps for a run; a sample's cadence counts both. Done once the type is certain,
            // since nothing obliges <type> to come before the points.
            foreach (ref var sample in samples.AsSpan())
            {
                sample.CadenceStepsPerMinute *= 2;
            }
        }

        // GPX carries no distance: it is the path through the positions.
        TrackMath.FillCumulativeDistance(samples);
        var distance = _samples.PathMetres;
        var start = _samples.First.Time;
        var elapsedSeconds = (_samples.Last.Time - start).TotalSeconds;

        var session = new ActivitySession
        {
            Sport = sport,
            Start = new DateTimeOffset(start, TimeSpan.Zero),
            TotalDistanceMetres = distance,
            // GPX records no pauses, so the timer ran for the whole track.
            TotalElapsedTimeSeconds = elapsedSeconds,
            TotalTimerTimeSeconds = elapsedSeconds,
            TotalAscentMetres = _ascent.Total,
            AvgHeartRate = _heartRate.Mean,
            AvgCadencePerLeg = running ? _cadencePerLeg.Mean : null,
            AvgSpeedMetresPerSecond = distance is { } metres && elapsedSeconds > 0 ? metres / elapsedSeconds : null,
        };

        var warnings = new List<string>();
        if (_untimedPoints > 0)
        {
            warnings.Add($"{_untimedPoints} of the {_recordCount} track points have no time and were left out.");
        }

        return new Activity
        {
            Format = ActivityFormat.Gpx,
            Sport = sport,
            Start = session.Start,
            RecordCount = _recordCount,
            Sessions = [session],
            Laps = [],
            Samples = samples,
            RecordMeans = new RecordMeans { HeartRate = _heartRate.Mean, CadencePerLeg = _cadencePerLeg.Mean },
            Warnings = warnings,
        };
    }

    /// <summary>The sport a track's type names, lower-case; Strava writes its activity codes, where 9 is a run.</summary>
    internal static string SportFromType(string? type)
    {
        var sport = type?.Trim().ToLowerInvariant();
        return sport switch
        {
            null or "" => "unknown",
            "9" => "running",
            { } named => named,
        };
    }

    private static bool Is(string? name, string atom) => ReferenceEquals(name, atom);
}
