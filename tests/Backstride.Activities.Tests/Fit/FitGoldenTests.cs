using System.Globalization;
using Backstride.Activities.Fit;
using static Backstride.Activities.Tests.Fit.FitAssert;

namespace Backstride.Activities.Tests.Fit;

/// <summary>
/// The valid FIT samples of MANIFEST.md (rows 1–11) against their expected values: the origin repositories' own
/// assertions, and the values measured with the reference decoder.
/// </summary>
public sealed class FitGoldenTests
{
    private const string Fenix5RunCsv = "python-fitparse/tests/files/garmin-fenix-5-run-records.csv";
    private const string CompressedSpeedDistanceCsv = "python-fitparse/tests/files/compressed-speed-distance-records.csv";

    public static TheoryData<string> ValidFitFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in SampleFiles.ValidFit)
        {
            data.Add(file);
        }
        return data;
    }

    private static Activity Read(string relative) => FitReader.Read(SampleFiles.Bytes(relative));

    private static string[][] CsvRows(string relative) =>
        File.ReadAllLines(SampleFiles.PathOf(relative))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .ToArray();

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    // ---- Every file ----

    [Theory]
    [MemberData(nameof(ValidFitFiles))]
    public void Every_valid_sample_reads_without_warnings_and_counts_its_messages_consistently(string file)
    {
        var activity = Read(file);

        Assert.Equal(ActivityFormat.Fit, activity.Format);
        Assert.Empty(activity.Warnings);
        Assert.Equal(activity.RecordCount, activity.MessageCounts.GetValueOrDefault(FitGlobal.Record));
        Assert.Equal(activity.DataMessageCount, activity.MessageCounts.Values.Sum());
        Assert.Equal(activity.MessageCounts.GetValueOrDefault(FitGlobal.Lap), activity.Laps.Count);
        Assert.Equal(activity.MessageCounts.GetValueOrDefault(FitGlobal.Session), activity.Sessions.Count);
    }

    [Theory]
    [MemberData(nameof(ValidFitFiles))]
    public void Every_valid_sample_reads_the_same_through_the_format_sniffing_reader(string file)
    {
        var direct = Read(file);
        var sniffed = SampleFiles.Read(file);

        Assert.Equal(ActivityFormat.Fit, sniffed.Format);
        Assert.Equal(direct.RecordCount, sniffed.RecordCount);
        Assert.Equal(direct.DataMessageCount, sniffed.DataMessageCount);
    }

    [Theory]
    [InlineData(SampleFiles.Fenix5Run, 21, 1, 1, 125)]
    [InlineData(SampleFiles.RunningWithDeveloperData, 1681, 14, 1, 3455)]
    [InlineData(SampleFiles.GarminStamina, 4488, 12, 1, 14438)]
    [InlineData(SampleFiles.Fenix2Run, 2809, 4, 1, 2825)]
    [InlineData(SampleFiles.BenchmarkSample, 4276, 6, 1, 13982)]
    [InlineData(SampleFiles.DeveloperTypesSample, 3424, 1, 1, 3438)]
    [InlineData(SampleFiles.CompressedSpeedDistance, 755, 11, 1, 780)]
    [InlineData(SampleFiles.MultipleHeader, 1773, 5, 5, 3023)]
    [InlineData(SampleFiles.ActivitySettings, 14, 1, 1, 25)]
    [InlineData(SampleFiles.SdkActivity, 14, 1, 1, 22)]
    [InlineData(SampleFiles.SdkDeveloperData, 3, 0, 0, 6)]
    public void Each_sample_has_its_known_numbers_of_records_laps_sessions_and_data_messages(
        string file, int records, int laps, int sessions, int dataMessages)
    {
        var activity = Read(file);

        Assert.Equal(records, activity.RecordCount);
        Assert.Equal(laps, activity.Laps.Count);
        Assert.Equal(sessions, activity.Sessions.Count);
        Assert.Equal(dataMessages, activity.DataMessageCount);
    }

    [Theory]
    [InlineData(SampleFiles.Fenix5Run)]
    [InlineData(SampleFiles.RunningWithDeveloperData)]
    [InlineData(SampleFiles.GarminStamina)]
    [InlineData(SampleFiles.Fenix2Run)]
    [InlineData(SampleFiles.BenchmarkSample)]
    [InlineData(SampleFiles.DeveloperTypesSample)]
    [InlineData(SampleFiles.CompressedSpeedDistance)]
    [InlineData(SampleFiles.SdkActivity)]
    public void Single_session_runs_are_running_activities(string file)
    {
        var activity = Read(file);

        Assert.Equal("running", activity.Sport);
        Assert.Equal("running", Assert.Single(activity.Sessions).Sport);
    }

    // ---- 1. garmin-fenix-5-run.fit ----

    [Fact]
    public void Fenix_5_run_records_equal_the_csv_row_by_row()
    {
        var activity = Read(SampleFiles.Fenix5Run);
        var rows = CsvRows(Fenix5RunCsv);

        Assert.Equal(21, rows.Length);
        Assert.Equal(rows.Length, activity.Samples.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var sample = activity.Samples[i];

            // "Sun Jun 11 07:34:09 PDT 2017": Pacific daylight time, UTC-7.
            var local = DateTime.ParseExact(row[0].Replace(" PDT", "", StringComparison.Ordinal),
                "ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None);
            Assert.Equal(DateTime.SpecifyKind(local.AddHours(7), DateTimeKind.Utc), sample.Time);

            Near(Number(row[1]), sample.HeartRate);
            // The CSV has the stored per-leg cadence; the sample adds the fractional part and counts both legs.
            Assert.InRange(sample.CadenceStepsPerMinute / 2.0 - Number(row[2]), -1e-6, 1 - 1e-6);
            Near(Number(row[3]), sample.SpeedMetresPerSecond);
            Near(Number(row[4]), sample.DistanceMetres);
            Near(Degrees((long)Number(row[5])), sample.Latitude, 1e-9);
            Near(Degrees((long)Number(row[6])), sample.Longitude, 1e-9);
            Near(Number(row[7]), sample.AltitudeMetres);
        }

        Assert.Equal(new DateTime(2017, 6, 11, 14, 34, 9, DateTimeKind.Utc), activity.Samples[0].Time);
        Near(61, activity.Samples[0].HeartRate);
        Near(157.56, activity.Samples[^1].DistanceMetres);
    }

    [Fact]
    public void Fenix_5_run_session_has_its_running_dynamics()
    {
        var activity = Read(SampleFiles.Fenix5Run);

        var session = Assert.Single(activity.Sessions);
        Assert.Equal("running", session.Sport);
        Assert.Equal("generic", session.SubSport);
        Assert.Equal(new DateTimeOffset(2017, 6, 11, 14, 34, 9, TimeSpan.Zero), session.Start);
        Assert.Equal(new DateTimeOffset(2017, 6, 11, 14, 34, 9, TimeSpan.Zero), activity.Start);
        Assert.False(activity.TimesAreDeviceRelative);
        Near(157.56, session.TotalDistanceMetres);
        Near(56.887, session.TotalElapsedTimeSeconds);
        Near(56.887, session.TotalTimerTimeSeconds);
        Near(2.77, session.AvgSpeedMetresPerSecond);
        Near(83, session.AvgCadencePerLeg);
        Near(76.2, session.AvgVerticalOscillationMm);
        Near(270.3, session.AvgStanceTimeMs);
        Near(7.42, session.AvgVerticalRatioPercent);
        Near(971.7, session.AvgStepLengthMm);
        Near(90, session.AvgHeartRate);
    }

    [Fact]
    public void Fenix_5_run_record_means_are_over_the_records_that_carry_each_field()
    {
        var means = Read(SampleFiles.Fenix5Run).RecordMeans;

        Near(84.952, means.HeartRate);            // 21 records
        Near(74.238, means.CadencePerLeg);        // 21 records, stored cadence without the fractional part
        Near(75.922, means.VerticalOscillationMm); // 18 records
        Near(281.944, means.StanceTimeMs);        // 18 records
        Near(6.947, means.VerticalRatioPercent);  // 19 records
        Near(941.526, means.StepLengthMm);        // 19 records
        Assert.Null(means.PowerWatts);
    }

    // ---- 2. running-with-developer-data.fit ----

    [Fact]
    public void Running_with_developer_data_has_its_session_and_stryd_fields()
    {
        var activity = Read(SampleFiles.RunningWithDeveloperData);

        Assert.Equal(1681, activity.RecordCount);
        Assert.Equal(14, activity.Laps.Count);
        var session = Assert.Single(activity.Sessions);
        Near(5383.19, session.TotalDistanceMetres);
        Near(1680.559, session.TotalElapsedTimeSeconds);
        Near(1680.559, session.TotalTimerTimeSeconds);
        Near(82.2, session.AvgVerticalOscillationMm);
        Near(271.1, session.AvgStanceTimeMs);
        Near(6.93, session.AvgVerticalRatioPercent);
        Near(1180, session.AvgStepLengthMm);
        Near(158, session.AvgHeartRate);
        Near(79, session.AvgCadencePerLeg);

        var names = activity.DeveloperFields.Select(f => f.Name).ToList();
        Assert.Equal(8, names.Count);
        foreach (var name in new[] { "Power", "Cadence", "Ground Time", "Vertical Oscillation", "Elevation",
                     "Form Power", "Leg Spring Stiffness", "RP_SD" })
        {
            Assert.Contains(name, names);
        }
        Assert.Equal(new DeveloperFieldInfo(1, 0, "Power", "Watts", FitBaseType.UInt16, FitGlobal.Record, FitRecordField.Power),
            Assert.Single(activity.DeveloperFields, f => f.Name == "Power"));
        Assert.Equal(new DeveloperFieldInfo(1, 7, "Elevation", "Meters", FitBaseType.UInt16, FitGlobal.Record, null),
            Assert.Single(activity.DeveloperFields, f => f.Name == "Elevation"));
    }

    [Fact]
    public void Running_with_developer_data_takes_power_from_the_stryd_developer_field()
    {
        // The file has no native record power; every record carries the Stryd "Power" (native 20/7).
        var activity = Read(SampleFiles.RunningWithDeveloperData);

        var powers = activity.Samples.Select(s => (double)s.PowerWatts).Where(p => !double.IsNaN(p)).ToList();
        Assert.Equal(1681, powers.Count);
        Near(251.726, powers.Average());
    }

    // ---- 3. garmin-stamina.fit ----

    [Fact]
    public void Garmin_stamina_has_4488_records_12_laps_91_splits_and_its_session()
    {
        var activity = Read(SampleFiles.GarminStamina);

        Assert.Equal(4488, activity.RecordCount);
        Assert.Equal(12, activity.Laps.Count);
        Assert.Equal(91, activity.MessageCounts[FitGlobal.Split]);
        var session = Assert.Single(activity.Sessions);
        Near(11232.7, session.TotalDistanceMetres);
        Near(4487.819, session.TotalElapsedTimeSeconds);
        Near(4487.819, session.TotalTimerTimeSeconds);
        Near(91.6, session.AvgVerticalOscillationMm);
        Near(271.8, session.AvgStanceTimeMs);
        Near(8.29, session.AvgVerticalRatioPercent);
        Near(1142, session.AvgStepLengthMm);
    }

    // ---- 4. activity-small-fenix2-run.fit ----

    [Fact]
    public void Fenix_2_run_has_its_session()
    {
        var activity = Read(SampleFiles.Fenix2Run);

        Assert.Equal(2809, activity.RecordCount);
        Assert.Equal(4, activity.Laps.Count);
        var session = Assert.Single(activity.Sessions);
        Assert.Equal("running", session.Sport);
        Near(9008.22, session.TotalDistanceMetres);
        Near(2832, session.TotalElapsedTimeSeconds);
        Near(2832, session.TotalTimerTimeSeconds);
        Near(81, session.AvgCadencePerLeg);
        Near(106.2, session.AvgVerticalOscillationMm);
        Near(252, session.AvgStanceTimeMs);
    }

    // ---- 5. fit-benchmarks/sample.fit ----

    [Fact]
    public void Benchmark_sample_is_a_trail_run_with_stryd_developer_fields()
    {
        var activity = Read(SampleFiles.BenchmarkSample);

        Assert.Equal(4276, activity.RecordCount);
        Assert.Equal(6, activity.Laps.Count);
        var session = Assert.Single(activity.Sessions);
        Assert.Equal("running", session.Sport);
        Assert.Equal("trail", session.SubSport);
        Near(9399.93, session.TotalDistanceMetres);
        Near(4701.014, session.TotalElapsedTimeSeconds);
        Near(4271.564, session.TotalTimerTimeSeconds);
        Near(70, session.AvgCadencePerLeg);
        Near(344, session.TotalAscentMetres);
        Near(154, session.AvgHeartRate);

        var names = activity.DeveloperFields.Select(f => f.Name).ToList();
        Assert.Contains("Power", names);
        Assert.Contains("Ground Time", names);
        Assert.Contains("Vertical Oscillation", names);
        Assert.Contains("Cadence", names);
        Assert.Contains("Lap Power", names);
    }

    // ---- 6. developer-types-sample.fit ----

    [Fact]
    public void Developer_types_sample_has_its_session_and_developer_fields()
    {
        var activity = Read(SampleFiles.DeveloperTypesSample);

        Assert.Equal(3424, activity.RecordCount);
        var session = Assert.Single(activity.Sessions);
        Near(6753.99, session.TotalDistanceMetres);
        Near(3424, session.TotalElapsedTimeSeconds);
        Near(3424, session.TotalTimerTimeSeconds);

        var names = activity.DeveloperFields.Select(f => f.Name).ToList();
        Assert.Equal(4, names.Count);
        Assert.Contains("Form Power", names);
        Assert.Contains("Leg Spring Stiffness", names);
        Assert.Contains("Speed", names);
        Assert.Contains("Distance", names);
    }

    // ---- 7. compressed-speed-distance.fit ----

    [Fact]
    public void Compressed_speed_distance_records_equal_the_csv_after_the_first_one()
    {
        var activity = Read(SampleFiles.CompressedSpeedDistance);
        var rows = CsvRows(CompressedSpeedDistanceCsv);

        Assert.Equal(755, activity.RecordCount);
        Assert.Equal(754, rows.Length);
        Assert.Equal(rows.Length + 1, activity.Samples.Length);
        Assert.True(activity.TimesAreDeviceRelative);
        Assert.Equal(At(17217864), activity.Samples[0].Time);

        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var sample = activity.Samples[i + 1];

            Assert.Equal(At(long.Parse(row[0], CultureInfo.InvariantCulture)), sample.Time);
            AssertCsvValue(row[1], sample.HeartRate, "heart rate");
            AssertCsvValue(row[2], sample.SpeedMetresPerSecond, "speed");
            AssertCsvValue(row[3], sample.DistanceMetres, "distance");
            // The CSV cadence is per leg (rpm); the sample counts both legs.
            AssertCsvValue(row[4], sample.CadenceStepsPerMinute / 2.0, "cadence");
        }
    }

    [Fact]
    public void Compressed_speed_distance_has_its_session()
    {
        var activity = Read(SampleFiles.CompressedSpeedDistance);

        var session = Assert.Single(activity.Sessions);
        Assert.Equal("running", session.Sport);
        Near(10248.67, session.TotalDistanceMetres);
        Near(170, session.AvgHeartRate);
        Near(88, session.AvgCadencePerLeg);
        Near(3883.273, session.TotalElapsedTimeSeconds);
        Near(3772.75, session.TotalTimerTimeSeconds);
    }

    private static void AssertCsvValue(string csv, double actual, string what)
    {
        if (csv == "null")
        {
            Absent(actual, what);
        }
        else
        {
            Near(Number(csv), actual);
        }
    }

    // ---- 8. sample_mulitple_header.fit ----

    [Fact]
    public void Multiple_header_triathlon_reads_all_four_chained_parts()
    {
        var activity = Read(SampleFiles.MultipleHeader);

        Assert.Equal(3023, activity.DataMessageCount);
        Assert.Equal(1773, activity.RecordCount);
        Assert.Equal(5, activity.Laps.Count);
        Assert.Equal(
            new[] { "swimming", "transition", "cycling", "transition", "running" },
            activity.Sessions.Select(s => s.Sport).ToArray());
        Assert.Equal("open_water", activity.Sessions[0].SubSport);

        var run = activity.Sessions[4];
        Near(9805.92, run.TotalDistanceMetres);
        Near(101.4, run.AvgVerticalOscillationMm);
        Near(252, run.AvgStanceTimeMs);
        Near(8.15, run.AvgVerticalRatioPercent);
        Near(1238, run.AvgStepLengthMm);
        Near(176, run.AvgHeartRate);
        Near(83, run.AvgCadencePerLeg);
    }

    // ---- 9.–11. FIT SDK examples ----

    [Fact]
    public void Activity_settings_chained_file_reads_without_warnings()
    {
        var activity = Read(SampleFiles.ActivitySettings);

        Assert.Empty(activity.Warnings);
        Assert.Equal(14, activity.RecordCount);
        Near(5.73, Assert.Single(activity.Sessions).TotalDistanceMetres);
    }

    [Fact]
    public void Sdk_activity_is_a_big_endian_running_file_of_14_records()
    {
        var activity = Read(SampleFiles.SdkActivity);

        Assert.Equal(14, activity.RecordCount);
        var session = Assert.Single(activity.Sessions);
        Assert.Equal("running", session.Sport);
        Near(5.73, session.TotalDistanceMetres);
        Near(13.749, session.TotalElapsedTimeSeconds);
    }

    [Fact]
    public void Sdk_developer_data_has_a_field_description_without_native_field_number()
    {
        var activity = Read(SampleFiles.SdkDeveloperData);

        Assert.Equal(3, activity.RecordCount);
        Assert.Empty(activity.Sessions);
        var field = Assert.Single(activity.DeveloperFields);
        Assert.Equal("doughnuts_earned", field.Name);
        Assert.Equal("doughnuts", field.Units);
        Assert.Null(field.NativeFieldNumber);
        Assert.Null(field.NativeMessageNumber);
        Assert.Equal(new DeveloperFieldInfo(0, 0, "doughnuts_earned", "doughnuts", FitBaseType.SInt8, null, null), field);
    }
}
