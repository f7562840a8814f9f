using Backstride.Activities.Fit;
using static Backstride.Activities.Tests.Fit.FitAssert;

namespace Backstride.Activities.Tests.Fit;

/// <summary>
/// Each FIT feature (FORMATS.md) in isolation, on files built by <see cref="FitFileWriter"/>.
/// </summary>
public sealed class FitFeatureTests
{
    /// <summary>2017-06-11T14:34:09Z in FIT seconds.</summary>
    private const uint Start = 866126049;

    private static readonly DateTime StartUtc = new(2017, 6, 11, 14, 34, 9, DateTimeKind.Utc);

    private static readonly (int Number, int Size, int BaseType)[] TimeAndHeartRate =
    [
        (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
        (FitRecordField.HeartRate, 1, FitBaseType.UInt8),
    ];

    /// <summary>One field of every numeric type a running record uses.</summary>
    private static readonly (int Number, int Size, int BaseType)[] RunningRecord =
    [
        (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
        (FitRecordField.PositionLat, 4, FitBaseType.SInt32),
        (FitRecordField.PositionLong, 4, FitBaseType.SInt32),
        (FitRecordField.Altitude, 2, FitBaseType.UInt16),
        (FitRecordField.HeartRate, 1, FitBaseType.UInt8),
        (FitRecordField.Cadence, 1, FitBaseType.UInt8),
        (FitRecordField.Distance, 4, FitBaseType.UInt32),
        (FitRecordField.Speed, 2, FitBaseType.UInt16),
        (FitRecordField.Power, 2, FitBaseType.UInt16),
        (FitRecordField.VerticalOscillation, 2, FitBaseType.UInt16),
        (FitRecordField.StanceTime, 2, FitBaseType.UInt16),
        (FitRecordField.FractionalCadence, 1, FitBaseType.UInt8),
        (FitRecordField.VerticalRatio, 2, FitBaseType.UInt16),
        (FitRecordField.StepLength, 2, FitBaseType.UInt16),
    ];

    /// <summary>A file_id and two records (heart rate 120 and 121) one second apart from <see cref="Start"/>.</summary>
    private static FitFileWriter TwoRecords(FitFileWriter writer) => writer
        .FileId()
        .Define(local: 0, global: FitGlobal.Record, fields: TimeAndHeartRate)
        .Data(0, Start, 120)
        .Data(0, Start + 1, 121);

    private static byte[] RunningFile(bool bigEndian) => new FitFileWriter()
        .FileId()
        .Define(local: 0, global: FitGlobal.Record, fields: RunningRecord, bigEndian: bigEndian)
        .Data(0, Start, 456099128, -1463077077, 2517, 56, 78, 793, 1166, 250, 467, 3080, 64, 234, 5780)
        .Data(0, Start + 2, 456098127, -1463078262, 2516, 59, 90, 1094, 1624, 260, 730, 2850, 0, 612, 6580)
        .ToArray();

    // ---- CRC and header ----

    [Fact]
    public void Crc16_of_the_ascii_digits_1_to_9_is_0xBB3D()
    {
        Assert.Equal((ushort)0xBB3D, FitCrc.Compute("123456789"u8));
    }

    [Fact]
    public void The_writer_makes_parts_whose_crc_over_all_their_bytes_is_zero()
    {
        var bytes = TwoRecords(new FitFileWriter()).ToArray();

        Assert.Equal((ushort)0, FitCrc.Compute(bytes));
        Assert.Equal((ushort)0, FitCrc.Compute(bytes.AsSpan(0, 14)));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(14)]
    public void A_legacy_12_byte_header_and_a_14_byte_header_read_the_same(int headerSize)
    {
        var activity = FitReader.Read(TwoRecords(new FitFileWriter().Header(headerSize)).ToArray());

        Assert.Equal(ActivityFormat.Fit, activity.Format);
        Assert.Equal(2, activity.RecordCount);
        Assert.Equal(new[] { At(Start), At(Start + 1) }, activity.Samples.Select(s => s.Time).ToArray());
        Assert.Equal(new[] { 120f, 121f }, activity.Samples.Select(s => s.HeartRate).ToArray());
        Assert.Empty(activity.Warnings);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(16)]
    public void A_header_size_other_than_12_or_14_is_a_header_problem(int headerSize)
    {
        var bytes = TwoRecords(new FitFileWriter().Header(headerSize)).ToArray();

        Fails(ActivityFileProblem.Header, bytes);
    }

    [Fact]
    public void A_header_without_the_fit_signature_is_a_header_problem()
    {
        var bytes = TwoRecords(new FitFileWriter().Header(signature: ".FTI")).ToArray();

        Fails(ActivityFileProblem.Header, bytes);
    }

    [Fact]
    public void A_wrong_header_crc_is_a_crc_problem_at_byte_12()
    {
        var bytes = TwoRecords(new FitFileWriter().Header(14).WrongHeaderCrc()).ToArray();

        var error = Fails(ActivityFileProblem.Crc, bytes);

        Assert.Equal<long?>(12, error.ByteOffset);
    }

    [Fact]
    public void A_header_crc_of_zero_means_not_computed_and_is_accepted()
    {
        var bytes = TwoRecords(new FitFileWriter().Header(14).HeaderCrc(0)).ToArray();

        var activity = FitReader.Read(bytes);

        Assert.Equal(2, activity.RecordCount);
        Assert.Empty(activity.Warnings);
    }

    [Fact]
    public void A_wrong_file_crc_is_a_crc_problem()
    {
        var bytes = TwoRecords(new FitFileWriter()).EndPart(FitFileCrc.Wrong).ToArray();

        Fails(ActivityFileProblem.Crc, bytes);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x10)]
    [InlineData(0x20)]
    [InlineData(0x2F)]
    public void Protocol_versions_up_to_major_2_are_read(int protocol)
    {
        var bytes = TwoRecords(new FitFileWriter().Header(14, protocol: protocol)).ToArray();

        Assert.Equal(2, FitReader.Read(bytes).RecordCount);
    }

    [Theory]
    [InlineData(0x30)]
    [InlineData(0xF0)]
    public void A_protocol_major_version_above_2_is_a_header_problem(int protocol)
    {
        var bytes = TwoRecords(new FitFileWriter().Header(14, protocol: protocol)).ToArray();

        Fails(ActivityFileProblem.Header, bytes);
    }

    [Fact]
    public void A_data_size_of_zero_means_a_file_still_being_written_and_is_read_to_the_end()
    {
        // A watch that stopped mid-write: data size 0 in the header and no trailing CRC.
        var bytes = TwoRecords(new FitFileWriter().Header(14, dataSize: 0)).EndPart(FitFileCrc.Omitted).ToArray();

        var activity = FitReader.Read(bytes);

        Assert.Equal(2, activity.RecordCount);
        Assert.Equal(new[] { 120f, 121f }, activity.Samples.Select(s => s.HeartRate).ToArray());
    }

    [Fact]
    public void A_file_with_no_record_and_no_session_holds_no_activity()
    {
        var bytes = new FitFileWriter().FileId().ToArray();

        Fails(ActivityFileProblem.NoActivity, bytes, requireOffset: false);
    }

    // ---- Definitions and data messages ----

    [Fact]
    public void A_big_endian_definition_gives_the_same_samples_as_a_little_endian_one()
    {
        var little = FitReader.Read(RunningFile(bigEndian: false));
        var big = FitReader.Read(RunningFile(bigEndian: true));

        Assert.Equal(little.Samples, big.Samples);
        Assert.Equal(little.RecordMeans, big.RecordMeans);

        var first = big.Samples[0];
        Assert.Equal(StartUtc, first.Time);
        Near(Degrees(456099128), first.Latitude, 1e-9);
        Near(Degrees(-1463077077), first.Longitude, 1e-9);
        Near(3.4, first.AltitudeMetres);
        Near(56, first.HeartRate);
        Near(157, first.CadenceStepsPerMinute);
        Near(7.93, first.DistanceMetres);
        Near(1.166, first.SpeedMetresPerSecond);
        Near(250, first.PowerWatts);
        Near(46.7, first.VerticalOscillationMm);
        Near(308.0, first.GroundContactTimeMs);
        Near(2.34, first.VerticalRatioPercent);
        Near(578.0, first.StepLengthMm);
    }

    [Fact]
    public void Record_means_are_in_the_files_own_units_over_the_records_that_carry_each_field()
    {
        var activity = FitReader.Read(RunningFile(bigEndian: false));

        var means = activity.RecordMeans;
        Near((56 + 59) / 2.0, means.HeartRate);
        Near((78 + 90) / 2.0, means.CadencePerLeg);
        Near((46.7 + 73.0) / 2, means.VerticalOscillationMm);
        Near((308.0 + 285.0) / 2, means.StanceTimeMs);
        Near((2.34 + 6.12) / 2, means.VerticalRatioPercent);
        Near((578.0 + 658.0) / 2, means.StepLengthMm);
        Near(255, means.PowerWatts);
    }

    [Fact]
    public void Compressed_timestamps_count_from_the_last_full_timestamp_and_roll_over_every_32_seconds()
    {
        var bytes = new FitFileWriter()
            .FileId()
            .Define(local: 0, global: FitGlobal.Record, fields: TimeAndHeartRate)
            .Define(local: 1, global: FitGlobal.Record, fields: [(FitRecordField.HeartRate, 1, FitBaseType.UInt8)])
            .Data(0, 1000u, 100)                  // last = 1000; 1000 & 0x1F = 8
            .CompressedTimestampData(1, 10, 101)  // 1000 + ((10 - 8) & 0x1F) = 1002
            .CompressedTimestampData(1, 31, 102)  // 1002 + ((31 - 10) & 0x1F) = 1023
            .CompressedTimestampData(1, 2, 103)   // rolls over: 1023 + ((2 - 31) & 0x1F) = 1026
            .CompressedTimestampData(1, 2, 104)   // same offset: 1026
            .Data(0, 2000u, 105)                  // a timestamp field resets last; 2000 & 0x1F = 16
            .CompressedTimestampData(1, 17, 106)  // 2001
            .CompressedTimestampData(1, 15, 107)  // 2001 + ((15 - 17) & 0x1F) = 2031
            .ToArray();

        var activity = FitReader.Read(bytes);

        Assert.Equal(8, activity.RecordCount);
        Assert.Equal(
            new[] { At(1000), At(1002), At(1023), At(1026), At(1026), At(2000), At(2001), At(2031) },
            activity.Samples.Select(s => s.Time).ToArray());
        Assert.Equal(
            new[] { 100f, 101f, 102f, 103f, 104f, 105f, 106f, 107f },
            activity.Samples.Select(s => s.HeartRate).ToArray());
        Assert.True(activity.TimesAreDeviceRelative);
    }

    [Fact]
    public void Calendar_timestamps_are_utc_from_the_fit_epoch_and_not_device_relative()
    {
        var activity = FitReader.Read(TwoRecords(new FitFileWriter()).ToArray());

        Assert.Equal(StartUtc, activity.Samples[0].Time);
        Assert.Equal(StartUtc.AddSeconds(1), activity.Samples[1].Time);
        Assert.False(activity.TimesAreDeviceRelative);
    }

    [Fact]
    public void A_new_definition_for_a_local_type_replaces_the_old_one()
    {
        var bytes = new FitFileWriter()
            .FileId()
            .Define(local: 0, global: FitGlobal.Record, fields: TimeAndHeartRate)
            .Data(0, Start, 120)
            .Define(local: 0, global: FitGlobal.Event,
                fields: [(FitRecordField.Timestamp, 4, FitBaseType.UInt32), (0, 1, FitBaseType.Enum), (1, 1, FitBaseType.Enum)])
            .Data(0, Start + 1, 0, 4) // timer stop_all: an event, not a record
            .Define(local: 0, global: FitGlobal.Record,
                fields:
                [
                    (FitRecordField.Speed, 2, FitBaseType.UInt16),
                    (FitRecordField.HeartRate, 1, FitBaseType.UInt8),
                    (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
                ])
            .Data(0, 2500, 130, Start + 2)
            .ToArray();

        var activity = FitReader.Read(bytes);

        Assert.Equal(2, activity.RecordCount);
        Assert.Equal(2, activity.MessageCounts[FitGlobal.Record]);
        Assert.Equal(1, activity.MessageCounts[FitGlobal.Event]);
        Assert.Equal(1, activity.MessageCounts[FitGlobal.FileId]);
        Assert.Equal(4, activity.DataMessageCount);
        Assert.Equal(2, activity.Samples.Length);
        Assert.Equal(At(Start), activity.Samples[0].Time);
        Near(120, activity.Samples[0].HeartRate);
        Absent(activity.Samples[0].SpeedMetresPerSecond, "The first record's speed");
        Assert.Equal(At(Start + 2), activity.Samples[1].Time);
        Near(130, activity.Samples[1].HeartRate);
        Near(2.5, activity.Samples[1].SpeedMetresPerSecond);
    }

    [Fact]
    public void An_architecture_byte_other_than_0_or_1_is_corrupt()
    {
        var bytes = new FitFileWriter()
            .FileId()
            .Mark(out var definitionOffset)
            .Define(local: 0, global: FitGlobal.Record, fields: TimeAndHeartRate, architecture: 2)
            .Data(0, Start, 120)
            .ToArray();

        var error = Fails(ActivityFileProblem.Corrupt, bytes);

        // The definition's header or its architecture byte.
        Assert.InRange(error.ByteOffset.GetValueOrDefault(), definitionOffset, definitionOffset + 2);
    }

    [Fact]
    public void A_data_message_before_any_definition_is_corrupt_at_its_record_header()
    {
        var bytes = new FitFileWriter()
            .Mark(out var offset)
            .Raw(0x03, 0x78) // data message for local type 3, never defined
            .FileId()
            .ToArray();

        var error = Fails(ActivityFileProblem.Corrupt, bytes);

        Assert.Equal(14, offset);
        Assert.Equal<long?>(offset, error.ByteOffset);
    }

    [Fact]
    public void A_data_message_for_a_local_type_not_defined_in_this_file_is_corrupt_at_its_record_header()
    {
        var bytes = TwoRecords(new FitFileWriter())
            .Mark(out var offset)
            .Raw(0x05, 0x00, 0x00)
            .ToArray();

        var error = Fails(ActivityFileProblem.Corrupt, bytes);

        Assert.Equal<long?>(offset, error.ByteOffset);
    }

    [Fact]
    public void A_field_whose_size_is_not_a_multiple_of_its_base_type_is_read_as_bytes_without_error()
    {
        // Power declared as uint16 but 3 bytes long, as some COROS files do.
        var bytes = new FitFileWriter()
            .FileId()
            .Define(local: 0, global: FitGlobal.Record,
                fields:
                [
                    (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
                    (FitRecordField.Power, 3, FitBaseType.UInt16),
                    (FitRecordField.HeartRate, 1, FitBaseType.UInt8),
                ])
            .Data(0, Start, new byte[] { 1, 2, 3 }, 120)
            .Data(0, Start + 1, new byte[] { 4, 5, 6 }, 121)
            .ToArray();

        var activity = FitReader.Read(bytes);

        Assert.Equal(2, activity.RecordCount);
        Assert.Equal(new[] { At(Start), At(Start + 1) }, activity.Samples.Select(s => s.Time).ToArray());
        Assert.Equal(new[] { 120f, 121f }, activity.Samples.Select(s => s.HeartRate).ToArray());
    }

    // ---- Record fields ----

    [Fact]
    public void Invalid_values_are_absent()
    {
        var bytes = new FitFileWriter()
            .FileId()
            .Define(local: 0, global: FitGlobal.Record,
                fields:
                [
                    (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
                    (FitRecordField.PositionLat, 4, FitBaseType.SInt32),
                    (FitRecordField.PositionLong, 4, FitBaseType.SInt32),
                    (FitRecordField.Altitude, 2, FitBaseType.UInt16),
                    (FitRecordField.HeartRate, 1, FitBaseType.UInt8),
                    (FitRecordField.Cadence, 1, FitBaseType.UInt8),
                    (FitRecordField.Distance, 4, FitBaseType.UInt32),
                    (FitRecordField.Speed, 2, FitBaseType.UInt16),
                    (FitRecordField.Power, 2, FitBaseType.UInt16),
                ])
            .Data(0, Start, 0x7FFFFFFF, 0x7FFFFFFF, 0xFFFF, 0xFF, 0xFF, 0xFFFFFFFFu, 0xFFFF, 0xFFFF)
            .ToArray();

        var activity = FitReader.Read(bytes);

        var sample = Assert.Single(activity.Samples);
        Assert.Equal(StartUtc, sample.Time);
        Assert.False(sample.HasPosition);
        Absent(sample.Latitude, "Latitude");
        Absent(sample.Longitude, "Longitude");
        Absent(sample.AltitudeMetres, "Altitude");
        Absent(sample.HeartRate, "Heart rate");
        Absent(sample.CadenceStepsPerMinute, "Cadence");
        Absent(sample.DistanceMetres, "Distance");
        Absent(sample.SpeedMetresPerSecond, "Speed");
        Absent(sample.PowerWatts, "Power");
        Assert.Null(activity.RecordMeans.HeartRate);
        Assert.Null(activity.RecordMeans.CadencePerLeg);
    }

    [Fact]
    public void Running_cadence_is_twice_cadence_plus_fractional_cadence_and_record_means_keep_the_stored_cadence()
    {
        var bytes = new FitFileWriter()
            .FileId()
            .Define(local: 0, global: FitGlobal.Record,
                fields:
                [
                    (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
                    (FitRecordField.Cadence, 1, FitBaseType.UInt8),
                    (FitRecordField.FractionalCadence, 1, FitBaseType.UInt8),
                ])
            .Data(0, Start, 85, 64)     // 85 + 64/128 = 85.5 per leg
            .Data(0, Start + 1, 87, 0)
            .ToArray();

        var activity = FitReader.Read(bytes);

        Near(171, activity.Samples[0].CadenceStepsPerMinute);
        Near(174, activity.Samples[1].CadenceStepsPerMinute);
        Near(86, activity.RecordMeans.CadencePerLeg); // (85 + 87) / 2, without the fractional half
    }

    [Fact]
    public void A_single_record_with_cadence_85_and_fractional_64_is_171_steps_per_minute_and_85_per_leg()
    {
        var bytes = new FitFileWriter()
            .FileId()
            .Define(local: 0, global: FitGlobal.Record,
                fields:
                [
                    (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
                    (FitRecordField.Cadence, 1, FitBaseType.UInt8),
                    (FitRecordField.FractionalCadence, 1, FitBaseType.UInt8),
                ])
            .Data(0, Start, 85, 64)
            .ToArray();

        var activity = FitReader.Read(bytes);

        Near(171, Assert.Single(activity.Samples).CadenceStepsPerMinute);
        Near(85, activity.RecordMeans.CadencePerLeg);
    }

    [Theory]
    [InlineData(456099128, -1463077077)]
    [InlineData(-405652176, 1728561940)]
    [InlineData(0, 0)]
    public void Positions_in_semicircles_become_degrees(int latitude, int longitude)
    {
        var bytes = new FitFileWriter()
            .FileId()
            .Define(local: 0, global: FitGlobal.Record,
                fields:
                [
                    (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
                    (FitRecordField.PositionLat, 4, FitBaseType.SInt32),
                    (FitRecordField.PositionLong, 4, FitBaseType.SInt32),
                ])
            .Data(0, Start, latitude, longitude)
            .ToArray();

        var sample = Assert.Single(FitReader.Read(bytes).Samples);

        Assert.True(sample.HasPosition);
        Near(latitude * 180.0 / 2147483648.0, sample.Latitude, 1e-9);
        Near(longitude * 180.0 / 2147483648.0, sample.Longitude, 1e-9);
    }

    [Fact]
    public void Enhanced_speed_is_preferred_over_speed_whatever_their_order()
    {
        var bytes = new FitFileWriter()
            .FileId()
            .Define(local: 0, global: FitGlobal.Record,
                fields:
                [
                    (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
                    (FitRecordField.Speed, 2, FitBaseType.UInt16),
                    (FitRecordField.EnhancedSpeed, 4, FitBaseType.UInt32),
                ])
            .Define(local: 1, global: FitGlobal.Record,
                fields:
                [
                    (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
                    (FitRecordField.EnhancedSpeed, 4, FitBaseType.UInt32),
                    (FitRecordField.Speed, 2, FitBaseType.UInt16),
                ])
            .Data(0, Start, 1000, 2500)
            .Data(1, Start + 1, 2600, 1000)
            .ToArray();

        var activity = FitReader.Read(bytes);

        Near(2.5, activity.Samples[0].SpeedMetresPerSecond);
        Near(2.6, activity.Samples[1].SpeedMetresPerSecond);
    }

    [Fact]
    public void Enhanced_altitude_is_preferred_over_altitude_whatever_their_order()
    {
        var bytes = new FitFileWriter()
            .FileId()
            .Define(local: 0, global: FitGlobal.Record,
                fields:
                [
                    (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
                    (FitRecordField.Altitude, 2, FitBaseType.UInt16),
                    (FitRecordField.EnhancedAltitude, 4, FitBaseType.UInt32),
                ])
            .Define(local: 1, global: FitGlobal.Record,
                fields:
                [
                    (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
                    (FitRecordField.EnhancedAltitude, 4, FitBaseType.UInt32),
                    (FitRecordField.Altitude, 2, FitBaseType.UInt16),
                ])
            .Data(0, Start, 2600, 3000)     // altitude 20 m, enhanced 100 m
            .Data(1, Start + 1, 3100, 2600) // enhanced 120 m, altitude 20 m
            .ToArray();

        var activity = FitReader.Read(bytes);

        Near(100, activity.Samples[0].AltitudeMetres);
        Near(120, activity.Samples[1].AltitudeMetres);
    }

    [Theory]
    [InlineData(2600, 20.0)]
    [InlineData(2500, 0.0)]
    [InlineData(0, -500.0)]
    [InlineData(2517, 3.4)]
    public void Altitude_is_raw_over_5_minus_500_metres(int raw, double metres)
    {
        var bytes = new FitFileWriter()
            .FileId()
            .Define(local: 0, global: FitGlobal.Record,
                fields: [(FitRecordField.Timestamp, 4, FitBaseType.UInt32), (FitRecordField.Altitude, 2, FitBaseType.UInt16)])
            .Data(0, Start, raw)
            .ToArray();

        Near(metres, Assert.Single(FitReader.Read(bytes).Samples).AltitudeMetres);
    }

    [Fact]
    public void Compressed_speed_distance_gives_speed_and_an_accumulated_distance_that_rolls_over_at_256_metres()
    {
        var bytes = new FitFileWriter()
            .FileId()
            .Define(local: 0, global: FitGlobal.Record,
                fields:
                [
                    (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
                    (FitRecordField.CompressedSpeedDistance, 3, FitBaseType.Byte),
                    (FitRecordField.HeartRate, 1, FitBaseType.UInt8),
                ])
            .Data(0, Start, FitFileWriter.CompressedSpeedDistance(354, 4000), 120)     // 3.54 m/s, 250 m
            .Data(0, Start + 1, FitFileWriter.CompressedSpeedDistance(355, 4090), 121) // 3.55 m/s, 255.625 m
            .Data(0, Start + 2, FitFileWriter.CompressedSpeedDistance(0, 10), 122)     // 0 m/s, +16/16 m past 4096
            .ToArray();

        var activity = FitReader.Read(bytes);

        Near(3.54, activity.Samples[0].SpeedMetresPerSecond);
        Near(3.55, activity.Samples[1].SpeedMetresPerSecond);
        Near(0, activity.Samples[2].SpeedMetresPerSecond);
        Near(250, activity.Samples[0].DistanceMetres);
        Near(255.625, activity.Samples[1].DistanceMetres);
        Near(256.625, activity.Samples[2].DistanceMetres);
        Near(122, activity.Samples[2].HeartRate);
    }

    // ---- Developer data ----

    [Fact]
    public void Field_descriptions_with_and_without_native_field_numbers_are_listed()
    {
        var bytes = new FitFileWriter()
            .FileId()
            .DeveloperDataId(developerIndex: 0)
            .FieldDescription(developerIndex: 0, fieldNumber: 0, baseType: FitBaseType.UInt16, name: "Power",
                units: "Watts", nativeMessage: FitGlobal.Record, nativeField: FitRecordField.Power)
            .FieldDescription(developerIndex: 0, fieldNumber: 1, baseType: FitBaseType.UInt16, name: "Form Power",
                units: "Watts", nativeMessage: FitGlobal.Record)
            .FieldDescription(developerIndex: 0, fieldNumber: 2, baseType: FitBaseType.SInt8, name: "doughnuts_earned",
                units: "doughnuts")
            .Define(local: 0, global: FitGlobal.Record, fields: TimeAndHeartRate, devFields: [(0, 2, 0), (1, 2, 0), (2, 1, 0)])
            .Data(0, Start, 120, 250, 60, 3)
            .ToArray();

        var activity = FitReader.Read(bytes);

        Assert.Equal(3, activity.DeveloperFields.Count);
        Assert.Equal(
            new DeveloperFieldInfo(0, 0, "Power", "Watts", FitBaseType.UInt16, FitGlobal.Record, FitRecordField.Power),
            Assert.Single(activity.DeveloperFields, f => f.Name == "Power"));
        Assert.Equal(
            new DeveloperFieldInfo(0, 1, "Form Power", "Watts", FitBaseType.UInt16, FitGlobal.Record, null),
            Assert.Single(activity.DeveloperFields, f => f.Name == "Form Power"));
        Assert.Equal(
            new DeveloperFieldInfo(0, 2, "doughnuts_earned", "doughnuts", FitBaseType.SInt8, null, null),
            Assert.Single(activity.DeveloperFields, f => f.Name == "doughnuts_earned"));
        Near(120, Assert.Single(activity.Samples).HeartRate);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_developer_field_for_record_power_fills_power_only_where_the_native_field_is_absent(bool bigEndian)
    {
        var bytes = new FitFileWriter()
            .FileId()
            .DeveloperDataId(developerIndex: 1)
            .FieldDescription(developerIndex: 1, fieldNumber: 0, baseType: FitBaseType.UInt16, name: "Power",
                units: "Watts", nativeMessage: FitGlobal.Record, nativeField: FitRecordField.Power)
            .Define(local: 0, global: FitGlobal.Record, fields: TimeAndHeartRate, devFields: [(0, 2, 1)],
                bigEndian: bigEndian)
            .Define(local: 1, global: FitGlobal.Record,
                fields: [(FitRecordField.Timestamp, 4, FitBaseType.UInt32), (FitRecordField.Power, 2, FitBaseType.UInt16)],
                devFields: [(0, 2, 1)], bigEndian: bigEndian)
            .Data(0, Start, 120, 251)     // no native power: the developer field's 251 W
            .Data(1, Start + 1, 300, 252) // native power 300 W wins over the developer field
            .ToArray();

        var activity = FitReader.Read(bytes);

        Assert.Equal(2, activity.RecordCount);
        Near(251, activity.Samples[0].PowerWatts);
        Near(300, activity.Samples[1].PowerWatts);
        Near(120, activity.Samples[0].HeartRate);
    }

    // ---- Chained files ----

    [Fact]
    public void Every_part_of_a_chained_file_is_read()
    {
        var bytes = TwoRecords(new FitFileWriter().Header(14))
            .EndPart()
            .Header(12)
            .FileId()
            .Define(local: 0, global: FitGlobal.Record, fields: TimeAndHeartRate, bigEndian: true)
            .Data(0, Start + 2, 122)
            .ToArray();

        var activity = FitReader.Read(bytes);

        Assert.Equal(3, activity.RecordCount);
        Assert.Equal(2, activity.MessageCounts[FitGlobal.FileId]);
        Assert.Equal(new[] { At(Start), At(Start + 1), At(Start + 2) }, activity.Samples.Select(s => s.Time).ToArray());
        Assert.Equal(new[] { 120f, 121f, 122f }, activity.Samples.Select(s => s.HeartRate).ToArray());
        Assert.Empty(activity.Warnings);
    }

    [Theory]
    [InlineData("wrong crc")]
    [InlineData("bad signature")]
    [InlineData("truncated")]
    [InlineData("unsupported protocol")]
    public void A_broken_later_part_is_a_warning_and_the_parts_before_it_are_kept(string defect)
    {
        var writer = TwoRecords(new FitFileWriter()).EndPart();
        switch (defect)
        {
            case "bad signature":
                writer.Header(signature: ".GIT");
                break;
            case "unsupported protocol":
                writer.Header(protocol: 0x30);
                break;
        }
        writer.FileId()
            .Define(local: 0, global: FitGlobal.Record, fields: TimeAndHeartRate)
            .Data(0, Start + 2, 122)
            .EndPart(defect == "wrong crc" ? FitFileCrc.Wrong : FitFileCrc.Correct);
        var bytes = writer.ToArray();
        if (defect == "truncated")
        {
            bytes = bytes[..^5];
        }

        var activity = FitReader.Read(bytes);

        Assert.Equal(2, activity.RecordCount);
        Assert.Equal(new[] { 120f, 121f }, activity.Samples.Select(s => s.HeartRate).ToArray());
        var warning = Assert.Single(activity.Warnings);
        Assert.False(string.IsNullOrWhiteSpace(warning));
    }

    [Fact]
    public void A_broken_first_part_of_a_chained_file_throws()
    {
        var bytes = TwoRecords(new FitFileWriter())
            .EndPart(FitFileCrc.Wrong)
            .FileId()
            .Define(local: 0, global: FitGlobal.Record, fields: TimeAndHeartRate)
            .Data(0, Start + 2, 122)
            .ToArray();

        Fails(ActivityFileProblem.Crc, bytes);
    }
}
