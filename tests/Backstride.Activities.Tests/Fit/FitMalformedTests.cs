using Backstride.Activities.Fit;
using static Backstride.Activities.Tests.Fit.FitAssert;

namespace Backstride.Activities.Tests.Fit;

/// <summary>
/// The malformed FIT samples of MANIFEST.md (rows 13–17), and fit-parser's in-memory corruptions of
/// running-with-developer-data.fit. Every failure is an <see cref="ActivityFileException"/> whose message states
/// the byte offset; the valid first part of a chained file whose later part is broken is kept and reported as a
/// warning.
/// </summary>
public sealed class FitMalformedTests
{
    private static byte[] RunningWithDeveloperData() => SampleFiles.Bytes(SampleFiles.RunningWithDeveloperData);

    private static bool MentionsEndOfFile(string warning) =>
        warning.Contains("end", StringComparison.OrdinalIgnoreCase) ||
        warning.Contains("EOF", StringComparison.OrdinalIgnoreCase) ||
        warning.Contains("truncat", StringComparison.OrdinalIgnoreCase);

    // ---- MANIFEST.md rows 13–17 ----

    [Theory]
    [InlineData(SampleFiles.WrongFileCrc, ActivityFileProblem.Crc)]
    [InlineData(SampleFiles.UnexpectedEof, ActivityFileProblem.EndOfFile)]
    public void A_malformed_single_file_throws_its_problem_with_the_offset_in_the_message(
        string file, ActivityFileProblem problem)
    {
        Fails(problem, SampleFiles.Bytes(file));
    }

    [Fact]
    public void A_chained_file_whose_second_part_has_a_wrong_crc_keeps_the_first_part_and_warns()
    {
        var activity = FitReader.Read(SampleFiles.Bytes(SampleFiles.SecondPartWrongCrc));

        Assert.Equal(14, activity.RecordCount);
        Assert.Single(activity.Sessions);
        var warning = Assert.Single(activity.Warnings);
        Assert.Contains("CRC", warning, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_chained_file_whose_second_header_is_corrupt_keeps_the_first_part_and_warns_at_offset_771()
    {
        var activity = FitReader.Read(SampleFiles.Bytes(SampleFiles.CorruptSecondHeader));

        Assert.Equal(14, activity.RecordCount);
        Assert.Single(activity.Sessions);
        var warning = Assert.Single(activity.Warnings);
        Assert.Contains("header", warning, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("771", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chained_file_whose_second_part_has_no_data_keeps_the_first_part_and_warns_of_the_end_of_file()
    {
        var activity = FitReader.Read(SampleFiles.Bytes(SampleFiles.SecondPartNoData));

        Assert.Equal(14, activity.RecordCount);
        Assert.Single(activity.Sessions);
        var warning = Assert.Single(activity.Warnings);
        Assert.True(MentionsEndOfFile(warning), "The warning \"" + warning + "\" does not mention the end of the file.");
    }

    // ---- fit-parser's corruptions of running-with-developer-data.fit ----

    [Fact]
    public void A_header_size_of_13_is_a_header_problem()
    {
        var bytes = RunningWithDeveloperData();
        bytes[0] = 13;

        Fails(ActivityFileProblem.Header, bytes);
    }

    [Fact]
    public void An_altered_fit_signature_is_a_header_problem()
    {
        var bytes = RunningWithDeveloperData();
        bytes[9] = (byte)'X'; // ".XIT"

        Fails(ActivityFileProblem.Header, bytes);
    }

    [Fact]
    public void A_file_missing_its_last_100_bytes_is_an_end_of_file_problem()
    {
        var bytes = RunningWithDeveloperData()[..^100];

        Fails(ActivityFileProblem.EndOfFile, bytes);
    }

    [Fact]
    public void A_flipped_header_crc_byte_is_a_crc_problem_at_byte_12()
    {
        var bytes = RunningWithDeveloperData();
        bytes[12] ^= 0xFF;

        var error = Fails(ActivityFileProblem.Crc, bytes);

        Assert.Equal<long?>(12, error.ByteOffset);
    }

    [Fact]
    public void A_flipped_file_crc_is_a_crc_problem()
    {
        var bytes = RunningWithDeveloperData();
        bytes[^1] ^= 0xFF;

        Fails(ActivityFileProblem.Crc, bytes);
    }

    [Fact]
    public void A_missing_file_crc_is_an_end_of_file_or_crc_problem_with_an_offset()
    {
        var bytes = RunningWithDeveloperData()[..^2];

        var error = Assert.Throws<ActivityFileException>(() => FitReader.Read(bytes));

        Assert.Contains(error.Problem, new[] { ActivityFileProblem.EndOfFile, ActivityFileProblem.Crc });
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        StatesItsOffset(error);
    }

    [Fact]
    public void The_file_converted_to_a_legacy_12_byte_header_reads_the_same()
    {
        var original = RunningWithDeveloperData();
        var legacy = new byte[original.Length - 2];
        original.AsSpan(0, 12).CopyTo(legacy);
        original.AsSpan(14).CopyTo(legacy.AsSpan(12));
        legacy[0] = 12;
        var crc = FitCrc.Compute(legacy.AsSpan(0, legacy.Length - 2));
        legacy[^2] = (byte)(crc & 0xFF);
        legacy[^1] = (byte)(crc >> 8);

        var fromOriginal = FitReader.Read(original);
        var fromLegacy = FitReader.Read(legacy);

        Assert.Equal(1681, fromLegacy.RecordCount);
        Assert.Equal(fromOriginal.DataMessageCount, fromLegacy.DataMessageCount);
        Assert.Equal(fromOriginal.Samples, fromLegacy.Samples);
        Assert.Empty(fromLegacy.Warnings);
    }

    [Fact]
    public void The_unaltered_file_reads_with_1681_records()
    {
        var activity = FitReader.Read(RunningWithDeveloperData());

        Assert.Equal(1681, activity.RecordCount);
        Assert.Empty(activity.Warnings);
    }
}
