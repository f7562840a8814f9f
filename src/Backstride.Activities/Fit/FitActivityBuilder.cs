using System.Runtime.InteropServices;

namespace Backstride.Activities.Fit;

/// <summary>
/// Collects what the decoder finds across the parts of a FIT file and turns it into an <see cref="Activity"/>.
/// It can be rolled back to the start of a part, so a broken later part of a chained file leaves no trace.
/// </summary>
internal sealed class FitActivityBuilder
{
    private readonly List<ActivitySample> _samples;
    private readonly List<FitSession> _sessions = [];
    private readonly List<ActivityLap> _laps = [];
    private readonly Dictionary<int, int> _messageCounts = [];
    private readonly Dictionary<int, FitDeveloperDescription> _descriptions = [];
    private readonly List<DeveloperFieldInfo> _developerFields = [];
    private RecordSums _sums;
    private int _dataMessages;
    private string? _sportMessageSport;
    private string? _sportMessageSubSport;
    private bool _anyRelativeTime;
    private bool _anyAbsoluteTime;

    // The compressed speed/distance field carries 12 bits of distance that roll over; the total accumulates.
    private long _accumulatedDistance16ths;
    private int _lastDistance12Bits;
    private bool _hasCompressedDistance;

    // Bumped whenever a developer field description arrives, so definitions re-resolve their developer fields.
    private int _descriptionsVersion;

    public FitActivityBuilder(int fileLength)
    {
        // Records take 20–40 bytes each in real files; reserving by file size avoids regrowing the list.
        _samples = new List<ActivitySample>(Math.Clamp(fileLength / 32, 16, 1 << 20));
    }

    public List<string> Warnings { get; } = [];

    public void CountMessage(int globalNumber)
    {
        _dataMessages++;
        CollectionsMarshal.GetValueRefOrAddDefault(_messageCounts, globalNumber, out _)++;
    }

    public void AddRecord(FitDefinition definition, ReadOnlySpan<byte> message, uint timestamp, bool hasTimestamp)
    {
        var layout = definition.Record!;
        var sample = ActivitySample.Empty(FitProfile.ToDateTime(timestamp));
        if (hasTimestamp)
        {
            if (timestamp < FitProfile.MinAbsoluteTimestamp)
            {
                _anyRelativeTime = true;
            }
            else
            {
                _anyAbsoluteTime = true;
            }
        }

        if (definition.TryRead(message, layout.Latitude, out var lat) && definition.TryRead(message, layout.Longitude, out var lon))
        {
            sample.Latitude = FitProfile.SemicirclesToDegrees(lat);
            sample.Longitude = FitProfile.SemicirclesToDegrees(lon);
        }

        if (definition.TryRead(message, layout.EnhancedAltitude, out var altitude) || definition.TryRead(message, layout.Altitude, out altitude))
        {
            sample.AltitudeMetres = (float)(altitude / 5 - 500);
        }

        if (definition.TryRead(message, layout.HeartRate, out var heartRate))
        {
            sample.HeartRate = (float)heartRate;
            RecordSums.Add(ref _sums.HeartRate, ref _sums.HeartRateCount, heartRate);
        }

        if (definition.TryRead(message, layout.Cadence, out var cadence))
        {
            RecordSums.Add(ref _sums.Cadence, ref _sums.CadenceCount, cadence);
            if (definition.TryRead(message, layout.FractionalCadence, out var fraction))
            {
                cadence += fraction / 128;
            }
            // Per leg for now; doubled to steps per minute in Build once the sport is known.
            sample.CadenceStepsPerMinute = (float)cadence;
        }

        if (definition.TryRead(message, layout.Distance, out var distance))
        {
            sample.DistanceMetres = distance / 100;
        }

        if (definition.TryRead(message, layout.EnhancedSpeed, out var speed) || definition.TryRead(message, layout.Speed, out speed))
        {
            sample.SpeedMetresPerSecond = (float)(speed / 1000);
        }

        if (layout.CompressedSpeedDistance >= 0)
        {
            ReadCompressedSpeedDistance(definition.Fields[layout.CompressedSpeedDistance], message, ref sample);
        }

        if (definition.TryRead(message, layout.Power, out var power))
        {
            sample.PowerWatts = (float)power;
            RecordSums.Add(ref _sums.Power, ref _sums.PowerCount, power);
        }

        if (definition.TryRead(message, layout.VerticalOscillation, out var oscillation))
        {
            sample.VerticalOscillationMm = (float)(oscillation / 10);
            RecordSums.Add(ref _sums.VerticalOscillation, ref _sums.VerticalOscillationCount, oscillation / 10);
        }

        if (definition.TryRead(message, layout.StanceTime, out var stance))
        {
            sample.GroundContactTimeMs = (float)(stance / 10);
            RecordSums.Add(ref _sums.StanceTime, ref _sums.StanceTimeCount, stance / 10);
        }

        if (definition.TryRead(message, layout.VerticalRatio, out var ratio))
        {
            sample.VerticalRatioPercent = (float)(ratio / 100);
            RecordSums.Add(ref _sums.VerticalRatio, ref _sums.VerticalRatioCount, ratio / 100);
        }

        if (definition.TryRead(message, layout.StepLength, out var step))
        {
            sample.StepLengthMm = (float)(step / 10);
            RecordSums.Add(ref _sums.StepLength, ref _sums.StepLengthCount, step / 10);
        }

        if (definition.DeveloperFields.Length > 0)
        {
            ApplyDeveloperFields(definition, message, ref sample);
        }

        _samples.Add(sample);
    }

    private void ReadCompressedSpeedDistance(FitField field, ReadOnlySpan<byte> message, ref ActivitySample sample)
    {
        if (field.Size < 3)
        {
            return;
        }
        var bytes = message.Slice(field.Offset, 3);
        if (bytes[0] == 0xFF && bytes[1] == 0xFF && bytes[2] == 0xFF)
        {
            return;
        }
        // 12 bits of speed (1/100 m/s), then 12 bits of distance (1/16 m) that roll over at 4096.
        var speedRaw = bytes[0] | ((bytes[1] & 0x0F) << 8);
        var distanceRaw = (bytes[1] >> 4) | (bytes[2] << 4);
        if (float.IsNaN(sample.SpeedMetresPerSecond))
        {
            sample.SpeedMetresPerSecond = speedRaw / 100f;
        }
        if (_hasCompressedDistance)
        {
            _accumulatedDistance16ths += (distanceRaw - _lastDistance12Bits) & 0xFFF;
        }
        else
        {
            _accumulatedDistance16ths = distanceRaw;
            _hasCompressedDistance = true;
        }
        _lastDistance12Bits = distanceRaw;
        if (double.IsNaN(sample.DistanceMetres))
        {
            sample.DistanceMetres = _accumulatedDistance16ths / 16.0;
        }
    }

    private void ApplyDeveloperFields(FitDefinition definition, ReadOnlySpan<byte> message, ref ActivitySample sample)
    {
        if (definition.DeveloperTargetsVersion != _descriptionsVersion)
        {
            definition.DeveloperTargets = ResolveDeveloperTargets(definition);
            definition.DeveloperTargetsVersion = _descriptionsVersion;
        }
        foreach (var target in definition.DeveloperTargets)
        {
            if (!FitDefinition.TryReadNumber(message, target.Field, definition.BigEndian, out var raw))
            {
                continue;
            }
            var value = (float)(raw / target.Scale - target.Offset);
            ref var slot = ref SampleSlot(ref sample, target.NativeField);
            // A developer field only stands in for a native one the watch did not record itself.
            if (float.IsNaN(slot))
            {
                slot = value;
            }
        }
    }

    private static ref float SampleSlot(ref ActivitySample sample, int nativeField)
    {
        switch (nativeField)
        {
            case 3: return ref sample.HeartRate;
            case 7: return ref sample.PowerWatts;
            case 39: return ref sample.VerticalOscillationMm;
            case 41: return ref sample.GroundContactTimeMs;
            case 83: return ref sample.VerticalRatioPercent;
            case 85: return ref sample.StepLengthMm;
            default: return ref sample.SpeedMetresPerSecond;
        }
    }

    private DeveloperTarget[] ResolveDeveloperTargets(FitDefinition definition)
    {
        List<DeveloperTarget>? targets = null;
        foreach (var reference in definition.DeveloperFields)
        {
            if (!_descriptions.TryGetValue(Key(reference.DeveloperDataIndex, reference.Number), out var description)
                || description.NativeMessage != FitProfile.Messages.Record
                || description.NativeField is not (3 or 6 or 7 or 39 or 41 or 83 or 85))
            {
                continue;
            }
            // A developer field's description states its own scale and units; those of a field that stands in for
            // a native one are the native field's units (W, mm, ms, %), which is what the sample holds.
            var scale = description.Scale is > 0 and var s ? s : 1.0;
            targets ??= [];
            targets.Add(new DeveloperTarget(
                new FitField(reference.Number, reference.Size, description.BaseType, reference.Offset),
                description.NativeField.Value, scale, description.Offset));
        }
        return targets?.ToArray() ?? [];
    }

    public void AddFieldDescription(FitDefinition definition, ReadOnlySpan<byte> message)
    {
        if (!definition.TryReadField(message, 0, out var index) || !definition.TryReadField(message, 1, out var number)
            || !definition.TryReadField(message, 2, out var baseType))
        {
            return;
        }
        var name = definition.ReadString(message, 3) ?? $"field {number}";
        var units = definition.ReadString(message, 8);
        int? nativeMessage = definition.TryReadField(message, 14, out var m) ? (int)m : null;
        int? nativeField = definition.TryReadField(message, 15, out var f) ? (int)f : null;
        double? scale = definition.TryReadField(message, 6, out var s) ? s : null;
        var offset = definition.TryReadField(message, 7, out var o) ? o : 0;

        _descriptions[Key((int)index, (int)number)] =
            new FitDeveloperDescription((byte)baseType, nativeMessage, nativeField, scale, offset);
        _developerFields.RemoveAll(d => d.DeveloperDataIndex == (int)index && d.FieldNumber == (int)number);
        _developerFields.Add(new DeveloperFieldInfo((int)index, (int)number, name, units, (int)baseType, nativeMessage, nativeField));
        _descriptionsVersion++;
    }

    public void AddSession(FitDefinition definition, ReadOnlySpan<byte> message)
    {
        var sport = definition.TryReadField(message, 5, out var sportValue) ? FitProfile.SportName((int)sportValue) : "generic";
        var subSport = definition.TryReadField(message, 6, out var subSportValue) ? FitProfile.SubSportName((int)subSportValue) : null;
        var start = definition.TryReadField(message, 2, out var startValue) ? FitProfile.ToDateTime((uint)startValue) : (DateTime?)null;
        var elapsed = Scaled(definition, message, 7, 1000);
        _sessions.Add(new FitSession(start, elapsed, new ActivitySession
        {
            Sport = sport,
            SubSport = subSport,
            Start = start is { } s ? new DateTimeOffset(s) : null,
            TotalElapsedTimeSeconds = elapsed,
            TotalTimerTimeSeconds = Scaled(definition, message, 8, 1000),
            TotalDistanceMetres = Scaled(definition, message, 9, 100),
            AvgSpeedMetresPerSecond = Scaled(definition, message, 124, 1000) ?? Scaled(definition, message, 14, 1000),
            AvgHeartRate = Scaled(definition, message, 16, 1),
            AvgCadencePerLeg = Scaled(definition, message, 18, 1),
            TotalAscentMetres = Scaled(definition, message, 22, 1),
            AvgVerticalOscillationMm = Scaled(definition, message, 89, 10),
            AvgStanceTimeMs = Scaled(definition, message, 91, 10),
            AvgVerticalRatioPercent = Scaled(definition, message, 132, 100),
            AvgStepLengthMm = Scaled(definition, message, 134, 10),
        }));
    }

    public void AddLap(FitDefinition definition, ReadOnlySpan<byte> message)
    {
        var start = definition.TryReadField(message, 2, out var startValue) ? FitProfile.ToDateTime((uint)startValue) : (DateTime?)null;
        _laps.Add(new ActivityLap
        {
            Start = start is { } s ? new DateTimeOffset(s) : null,
            ElapsedTimeSeconds = Scaled(definition, message, 7, 1000),
            TimerTimeSeconds = Scaled(definition, message, 8, 1000),
            DistanceMetres = Scaled(definition, message, 9, 100),
            AvgSpeedMetresPerSecond = Scaled(definition, message, 110, 1000) ?? Scaled(definition, message, 13, 1000),
        });
    }

    public void AddSport(FitDefinition definition, ReadOnlySpan<byte> message)
    {
        if (definition.TryReadField(message, 0, out var sport))
        {
            _sportMessageSport ??= FitProfile.SportName((int)sport);
        }
        if (definition.TryReadField(message, 1, out var subSport))
        {
            _sportMessageSubSport ??= FitProfile.SubSportName((int)subSport);
        }
    }

    public BuilderCheckpoint Checkpoint() => new(_samples.Count, _sessions.Count, _laps.Count, _dataMessages,
        new Dictionary<int, int>(_messageCounts), _developerFields.Count, _sums, Warnings.Count);

    public void Restore(BuilderCheckpoint checkpoint)
    {
        _samples.RemoveRange(checkpoint.Samples, _samples.Count - checkpoint.Samples);
        _sessions.RemoveRange(checkpoint.Sessions, _sessions.Count - checkpoint.Sessions);
        _laps.RemoveRange(checkpoint.Laps, _laps.Count - checkpoint.Laps);
        _developerFields.RemoveRange(checkpoint.DeveloperFields, _developerFields.Count - checkpoint.DeveloperFields);
        Warnings.RemoveRange(checkpoint.Warnings, Warnings.Count - checkpoint.Warnings);
        _dataMessages = checkpoint.DataMessages;
        _messageCounts.Clear();
        foreach (var (key, value) in checkpoint.MessageCounts)
        {
            _messageCounts[key] = value;
        }
        _sums = checkpoint.Sums;
    }

    public Activity Build()
    {
        if (_samples.Count == 0 && _sessions.Count == 0)
        {
            throw new ActivityFileException(ActivityFileProblem.NoActivity,
                "The FIT file holds no activity: it has neither records nor a session (it may be a settings or course file).");
        }

        var samples = _samples.ToArray();
        DoubleStrideCadence(samples);

        var first = _sessions.Count > 0 ? _sessions[0].Session : null;
        var anyTimestamp = _anyAbsoluteTime || _anyRelativeTime;
        var start = first?.Start ?? (samples.Length > 0 && anyTimestamp ? new DateTimeOffset(samples[0].Time) : null);
        return new Activity
        {
            Format = ActivityFormat.Fit,
            Sport = first?.Sport ?? _sportMessageSport ?? "unknown",
            SubSport = first is not null ? first.SubSport : _sportMessageSubSport,
            Start = start,
            TimesAreDeviceRelative = _anyRelativeTime && !_anyAbsoluteTime,
            RecordCount = _messageCounts.GetValueOrDefault(FitProfile.Messages.Record),
            Sessions = _sessions.ConvertAll(s => s.Session),
            Laps = _laps.ToArray(),
            Samples = samples,
            RecordMeans = _sums.ToMeans(),
            DeveloperFields = _developerFields.ToArray(),
            MessageCounts = new Dictionary<int, int>(_messageCounts),
            DataMessageCount = _dataMessages,
            Warnings = Warnings.ToArray(),
        };
    }

    /// <summary>
    /// FIT stores running cadence per leg; samples hold steps per minute. Only samples inside a running (or walking)
    /// session are doubled, so the bike leg of a triathlon keeps its pedal revolutions.
    /// </summary>
    private void DoubleStrideCadence(ActivitySample[] samples)
    {
        if (_sessions.Count <= 1)
        {
            var sport = _sessions.Count == 1 ? _sessions[0].Session.Sport : _sportMessageSport ?? "running";
            if (FitProfile.CountsStridesPerLeg(sport))
            {
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i].CadenceStepsPerMinute *= 2;
                }
            }
            return;
        }

        var doubled = new bool[samples.Length];
        foreach (var (sessionStart, elapsed, session) in _sessions)
        {
            if (!FitProfile.CountsStridesPerLeg(session.Sport))
            {
                continue;
            }
            var from = sessionStart ?? DateTime.MinValue;
            var to = sessionStart is { } s && elapsed is { } e ? s.AddSeconds(e + 1) : DateTime.MaxValue;
            for (var i = 0; i < samples.Length; i++)
            {
                if (!doubled[i] && samples[i].Time >= from && samples[i].Time <= to)
                {
                    samples[i].CadenceStepsPerMinute *= 2;
                    doubled[i] = true;
                }
            }
        }
    }

    private static double? Scaled(FitDefinition definition, ReadOnlySpan<byte> message, int field, double scale) =>
        definition.TryReadField(message, field, out var raw) ? raw / scale : null;

    private static int Key(int developerDataIndex, int fieldNumber) => (developerDataIndex << 8) | fieldNumber;

    private sealed record FitSession(DateTime? Start, double? ElapsedSeconds, ActivitySession Session);
}

internal readonly record struct BuilderCheckpoint(int Samples, int Sessions, int Laps, int DataMessages,
    Dictionary<int, int> MessageCounts, int DeveloperFields, RecordSums Sums, int Warnings);

internal sealed record FitDeveloperDescription(byte BaseType, int? NativeMessage, int? NativeField, double? Scale, double Offset);

internal readonly record struct DeveloperTarget(FitField Field, int NativeField, double Scale, double Offset);

/// <summary>Running sums behind <see cref="RecordMeans"/>: a value type, so a checkpoint is a copy.</summary>
internal struct RecordSums
{
    public double HeartRate, Cadence, VerticalOscillation, StanceTime, VerticalRatio, StepLength, Power;
    public int HeartRateCount, CadenceCount, VerticalOscillationCount, StanceTimeCount, VerticalRatioCount, StepLengthCount, PowerCount;

    public static void Add(ref double sum, ref int count, double value)
    {
        sum += value;
        count++;
    }

    public readonly RecordMeans ToMeans() => new()
    {
        HeartRate = Mean(HeartRate, HeartRateCount),
        CadencePerLeg = Mean(Cadence, CadenceCount),
        VerticalOscillationMm = Mean(VerticalOscillation, VerticalOscillationCount),
        StanceTimeMs = Mean(StanceTime, StanceTimeCount),
        VerticalRatioPercent = Mean(VerticalRatio, VerticalRatioCount),
        StepLengthMm = Mean(StepLength, StepLengthCount),
        PowerWatts = Mean(Power, PowerCount),
    };

    private static double? Mean(double sum, int count) => count == 0 ? null : sum / count;
}
