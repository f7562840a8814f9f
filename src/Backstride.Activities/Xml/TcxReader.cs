using System.Xml;

namespace Backstride.Activities.Xml;

/// <summary>
/// Reads a Garmin Training Center (TCX v2) file in one forward pass:
/// TrainingCenterDatabase/Activities/Activity/Lap/Track/Trackpoint. The first Activity is the run; a file with
/// more says so in a warning. A trackpoint without a time is counted in <see cref="Activity.RecordCount"/> but
/// not kept, since a sample is a moment of the run.
/// </summary>
internal sealed class TcxReader
{
    private readonly XmlCursor _cursor;
    private readonly XmlReader _reader;
    private readonly string _mainNamespace;

    // Names as the reader's name table holds them, so that matching a name is one reference comparison.
    private readonly string _activities;
    private readonly string _activity;
    private readonly string _id;
    private readonly string _lap;
    private readonly string _totalTimeSeconds;
    private readonly string _distanceMeters;
    private readonly string _track;
    private readonly string _trackpoint;
    private readonly string _time;
    private readonly string _position;
    private readonly string _latitudeDegrees;
    private readonly string _longitudeDegrees;
    private readonly string _altitudeMeters;
    private readonly string _heartRateBpm;
    private readonly string _value;
    private readonly string _cadence;
    private readonly string _runCadence;
    private readonly string _speed;
    private readonly string _avgSpeed;
    private readonly string _activityExtension;

    private readonly SampleCollector _samples;
    private readonly List<ActivityLap> _laps = [];
    private readonly List<string> _warnings = [];

    // The activity: how many the file holds, the depth of the first while it is open (-1 otherwise), its summary.
    private int _activityCount;
    private int _activityDepth = -1;
    private string _sport = "unknown";
    private bool _running;
    private DateTime? _idTime;
    private int _recordCount;
    private int _untimedPoints;
    private bool _anyDistance;
    private MeanAccumulator _heartRate;
    private MeanAccumulator _cadencePerLeg;
    private AscentAccumulator _ascent;

    // The lap being read (depth -1 outside one) and the laps so far.
    private int _lapDepth = -1;
    private DateTime? _lapStart;
    private double _lapDistance;
    private double _lapTime;
    private double _lapAvgSpeed;
    private DateTime? _firstLapStart;
    private double _lapDistanceSum;
    private int _lapsWithDistance;
    private double _lapTimeSum;
    private int _lapsWithTime;

    // The trackpoint being read (depth -1 outside one). Altitude and both cadences are kept as read, because the
    // sample holds altitude as a float and one cadence in steps per minute.
    private int _pointDepth = -1;
    private ActivitySample _point;
    private double _pointAltitude;
    private double _pointCadence;
    private double _pointRunCadence;
    private bool _pointHasTime;

    // The element whose text comes next, if it is one we want.
    private Field _pending;

    public TcxReader(XmlCursor cursor, bool keepSamples = true)
    {
        _samples = new SampleCollector(keepSamples);
        _cursor = cursor;
        _reader = cursor.Reader;
        _mainNamespace = _reader.NamespaceURI;

        var names = _reader.NameTable;
        _activities = names.Add("Activities");
        _activity = names.Add("Activity");
        _id = names.Add("Id");
        _lap = names.Add("Lap");
        _totalTimeSeconds = names.Add("TotalTimeSeconds");
        _distanceMeters = names.Add("DistanceMeters");
        _track = names.Add("Track");
        _trackpoint = names.Add("Trackpoint");
        _time = names.Add("Time");
        _position = names.Add("Position");
        _latitudeDegrees = names.Add("LatitudeDegrees");
        _longitudeDegrees = names.Add("LongitudeDegrees");
        _altitudeMeters = names.Add("AltitudeMeters");
        _heartRateBpm = names.Add("HeartRateBpm");
        _value = names.Add("Value");
        _cadence = names.Add("Cadence");
        _runCadence = names.Add("RunCadence");
        _speed = names.Add("Speed");
        _avgSpeed = names.Add("AvgSpeed");
        _activityExtension = names.Add(XmlActivityReader.ActivityExtensionV2Namespace);
    }

    private enum Field
    {
        None,
        Id,
        LapTime,
        LapDistance,
        LapAvgSpeed,
        Time,
        Latitude,
        Longitude,
        Altitude,
        Distance,
        HeartRate,
        Cadence,
        RunCadence,
        Speed,
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
                    OnEndElement(reader.Depth);
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

        // TCX elements are in the root's namespace (or none, where a writer resets it); extensions in their own.
        var isTcx = ReferenceEquals(ns, _mainNamespace) || ns.Length == 0;
        var depth = _cursor.Enter(isTcx ? name : null);

        if (_pointDepth >= 0)
        {
            OnPointElement(name, ns, isTcx, depth);
            return;
        }

        if (_lapDepth >= 0)
        {
            if (isTcx)
            {
                if (depth == _lapDepth + 1)
                {
                    _pending = Is(name, _totalTimeSeconds) ? Field.LapTime
                        : Is(name, _distanceMeters) ? Field.LapDistance
                        : Field.None;
                }
                else if (depth == _lapDepth + 2 && Is(name, _trackpoint) && Is(_cursor.Ancestor(depth - 1), _track))
                {
                    BeginPoint(depth);
                }
            }
            else if (Is(ns, _activityExtension) && Is(name, _avgSpeed))
            {
                _pending = Field.LapAvgSpeed; // Lap/Extensions/LX/AvgSpeed
            }
            return;
        }

        if (_activityDepth >= 0)
        {
            if (isTcx && depth == _activityDepth + 1)
            {
                if (Is(name, _lap))
                {
                    BeginLap(depth);
                }
                else if (Is(name, _id))
                {
                    _pending = Field.Id;
                }
            }
            return;
        }

        // The root is TrainingCenterDatabase at depth 0, so an activity is at depth 2 under Activities.
        if (isTcx && depth == 2 && Is(name, _activity) && Is(_cursor.Ancestor(1), _activities))
        {
            _activityCount++;
            if (_activityCount == 1)
            {
                BeginActivity(depth);
            }
        }
    }

    private void OnPointElement(string name, string ns, bool isTcx, int depth)
    {
        if (isTcx)
        {
            if (depth == _pointDepth + 1)
            {
                _pending = Is(name, _time) ? Field.Time
                    : Is(name, _altitudeMeters) ? Field.Altitude
                    : Is(name, _distanceMeters) ? Field.Distance
                    : Is(name, _cadence) ? Field.Cadence
                    : Field.None;
            }
            else if (depth == _pointDepth + 2)
            {
                var parent = _cursor.Ancestor(depth - 1);
                if (Is(parent, _position))
                {
                    _pending = Is(name, _latitudeDegrees) ? Field.Latitude
                        : Is(name, _longitudeDegrees) ? Field.Longitude
                        : Field.None;
                }
                else if (Is(parent, _heartRateBpm) && Is(name, _value))
                {
                    _pending = Field.HeartRate;
                }
            }
        }
        else if (Is(ns, _activityExtension))
        {
            // Trackpoint/Extensions/TPX, by namespace whatever its prefix.
            _pending = Is(name, _runCadence) ? Field.RunCadence
                : Is(name, _speed) ? Field.Speed
                : Field.None;
        }
    }

    private void OnEndElement(int depth)
    {
        if (depth == _pointDepth)
        {
            EndPoint();
        }
        else if (depth == _lapDepth)
        {
            EndLap();
        }
        else if (depth == _activityDepth)
        {
            _activityDepth = -1;
        }
    }

    private void BeginActivity(int depth)
    {
        _sport = SportFromAttribute(_reader.GetAttribute("Sport"));
        // Known before any trackpoint (it is an attribute), so cadence can be doubled as the points are read.
        _running = ActivityMetrics.IsRunning(_sport) || ActivityMetrics.IsUnnamed(_sport);
        if (!_reader.IsEmptyElement)
        {
            _activityDepth = depth;
        }
    }

    private void BeginLap(int depth)
    {
        _lapStart = null;
        if (_reader.GetAttribute("StartTime") is { } startTime)
        {
            _lapStart = _cursor.ParseTime(startTime, "the StartTime of <Lap>");
        }
        _lapDistance = double.NaN;
        _lapTime = double.NaN;
        _lapAvgSpeed = double.NaN;

        if (_reader.IsEmptyElement)
        {
            EndLap(); // <Lap .../> has no end tag to close it
        }
        else
        {
            _lapDepth = depth;
        }
    }

    private void EndLap()
    {
        _lapDepth = -1;
        _laps.Add(new ActivityLap
        {
            Start = _lapStart is { } start ? new DateTimeOffset(start, TimeSpan.Zero) : null,
            DistanceMetres = TrackMath.NullIfNaN(_lapDistance),
            TimerTimeSeconds = TrackMath.NullIfNaN(_lapTime),
            AvgSpeedMetresPerSecond = TrackMath.NullIfNaN(_lapAvgSpeed),
        });

        if (!double.IsNaN(_lapDistance))
        {
            _lapDistanceSum += _lapDistance;
            _lapsWithDistance++;
        }
        if (!double.IsNaN(_lapTime))
        {
            _lapTimeSum += _lapTime;
            _lapsWithTime++;
        }
        _firstLapStart ??= _lapStart;
    }

    private void BeginPoint(int depth)
    {
        _recordCount++;
        _point = ActivitySample.Empty(default);
        _pointAltitude = double.NaN;
        _pointCadence = double.NaN;
        _pointRunCadence = double.NaN;
        _pointHasTime = false;

        if (_reader.IsEmptyElement)
        {
            EndPoint(); // <Trackpoint/> has no end tag to close it
        }
        else
        {
            _pointDepth = depth;
        }
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
            case Field.Id:
                // By Garmin's convention the Id is the start time; a writer that put something else there has not
                // broken the run, so it costs a warning rather than the file.
                if (IsoTime.TryParseUtc(text, out var idTime))
                {
                    _idTime ??= idTime;
                }
                else
                {
                    _warnings.Add($"Line {_cursor.Line}: the activity Id '{XmlCursor.Quote(text)}' is not a time; the start is taken from the first lap.");
                }
                break;
            case Field.LapTime:
                _lapTime = _cursor.ParseNumber(text, "<TotalTimeSeconds>");
                break;
            case Field.LapDistance:
                _lapDistance = _cursor.ParseNumber(text, "<DistanceMeters>");
                break;
            case Field.LapAvgSpeed:
                _lapAvgSpeed = _cursor.ParseNumber(text, "<AvgSpeed>");
                break;
            case Field.Time:
                _point.Time = _cursor.ParseTime(text, "<Time>");
                _pointHasTime = true;
                break;
            case Field.Latitude:
                _point.Latitude = _cursor.ParseLatitude(text, "<LatitudeDegrees>");
                break;
            case Field.Longitude:
                _point.Longitude = _cursor.ParseLongitude(text, "<LongitudeDegrees>");
                break;
            case Field.Altitude:
                _pointAltitude = _cursor.ParseNumber(text, "<AltitudeMeters>");
                _point.AltitudeMetres = (float)_pointAltitude;
                break;
            case Field.Distance:
                _point.DistanceMetres = _cursor.ParseNumber(text, "<DistanceMeters>");
                break;
            case Field.HeartRate:
                _point.HeartRate = (float)_cursor.ParseNumber(text, "<HeartRateBpm>");
                break;
            case Field.Cadence:
                _pointCadence = _cursor.ParseNumber(text, "<Cadence>");
                break;
            case Field.RunCadence:
                _pointRunCadence = _cursor.ParseNumber(text, "<RunCadence>");
                break;
            case Field.Speed:
                _point.SpeedMetresPerSecond = (float)_cursor.ParseNumber(text, "<Speed>");
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

        // Running watches write the extension's RunCadence; Cadence is the schema's own (a bike's, or an old
        // watch's). Both count one leg's steps for a run.
        var perLeg = double.IsNaN(_pointRunCadence) ? _pointCadence : _pointRunCadence;
        if (!double.IsNaN(perLeg))
        {
            _cadencePerLeg.Add(perLeg);
            _point.CadenceStepsPerMinute = (float)(_running ? 2 * perLeg : perLeg);
        }
        if (!double.IsNaN(_point.DistanceMetres))
        {
            _anyDistance = true;
        }
        _samples.Add(_point);
    }

    private Activity Build()
    {
        if (_samples.Count == 0 && _laps.Count == 0)
        {
            throw new ActivityFileException(ActivityFileProblem.NoActivity, _recordCount == 0
                ? "The file holds no track points."
                : $"None of the file's {_recordCount} track points has a time, so they do not make a run.");
        }

        var samples = _samples.ToArray();
        if (!_anyDistance)
        {
            // Some writers leave DistanceMeters out; the path through the positions stands in for it.
            TrackMath.FillCumulativeDistance(samples);
        }

        DateTime? firstTime = _samples.Count > 0 ? _samples.First.Time : null;
        DateTime? lastTime = _samples.Count > 0 ? _samples.Last.Time : null;
        var startTime = _idTime ?? _firstLapStart ?? firstTime;

        // Elapsed runs from the first lap's start (the watch's start button) to the last recorded moment.
        var elapsedFrom = _firstLapStart ?? firstTime;
        double? elapsedSeconds = lastTime is { } last && elapsedFrom is { } begin ? (last - begin).TotalSeconds : null;

        // The laps are what the watch showed; without them, the samples are all there is.
        var distance = _lapsWithDistance > 0 ? _lapDistanceSum
            : _anyDistance ? TrackMath.NullIfNaN(_samples.LastDistance) : _samples.PathMetres;
        var timerSeconds = _lapsWithTime > 0 ? _lapTimeSum : elapsedSeconds;

        var session = new ActivitySession
        {
            Sport = _sport,
            Start = startTime is { } start ? new DateTimeOffset(start, TimeSpan.Zero) : null,
            TotalDistanceMetres = distance,
            TotalTimerTimeSeconds = timerSeconds,
            TotalElapsedTimeSeconds = elapsedSeconds,
            TotalAscentMetres = _ascent.Total,
            AvgHeartRate = _heartRate.Mean,
            AvgCadencePerLeg = _running ? _cadencePerLeg.Mean : null,
            AvgSpeedMetresPerSecond = distance is { } metres && timerSeconds is { } seconds && seconds > 0
                ? metres / seconds
                : null,
        };

        if (_activityCount > 1)
        {
            _warnings.Add($"The file holds {_activityCount} activities; only the first was read.");
        }
        if (_untimedPoints > 0)
        {
            _warnings.Add($"{_untimedPoints} of the {_recordCount} trackpoints have no time and were left out.");
        }

        return new Activity
        {
            Format = ActivityFormat.Tcx,
            Sport = _sport,
            Start = session.Start,
            RecordCount = _recordCount,
            Sessions = [session],
            Laps = _laps,
            Samples = samples,
            RecordMeans = new RecordMeans { HeartRate = _heartRate.Mean, CadencePerLeg = _cadencePerLeg.Mean },
            Warnings = _warnings,
        };
    }

    /// <summary>The sport of Activity/@Sport, lower-case: the schema's Running, Biking and Other.</summary>
    internal static string SportFromAttribute(string? sport)
    {
        var name = sport?.Trim().ToLowerInvariant();
        return name switch
        {
            null or "" => "unknown",
            "biking" => "cycling",
            { } named => named,
        };
    }

    private static bool Is(string? name, string atom) => ReferenceEquals(name, atom);
}
