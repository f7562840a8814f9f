namespace Backstride.Activities.Tests.Robustness;

/// <summary>
/// Inputs the SharpFuzz harness (fuzz/) found that escaped <see cref="ActivityFileException"/>, kept as regression
/// tests under the name of what they broke.
/// </summary>
public sealed class FuzzFindingsTests
{
    [Fact]
    public void Read_GzipWithADamagedDeflateStream_IsACorruptFileNotAnInvalidDataException()
    {
        // AFL++ run of 2026-11-26 (5 minutes, 4.9 million inputs): a gzip header followed by deflate data
        // with an invalid block type; GZipStream threw InvalidDataException out of ActivityReader.
        var bytes = Convert.FromHexString("1f8b6801000000001646495400000020680100000000000010000000630380000000a2008004ff19100500000000eb14ec0800068f7feb0001021107080ae9008000028c00000ee201454649800063170401ff0401");

        var error = Assert.Throws<ActivityFileException>(() => ActivityReader.Read(new MemoryStream(bytes)));

        Assert.Equal(ActivityFileProblem.Corrupt, error.Problem);
        Assert.StartsWith("The compressed file is damaged", error.Message, StringComparison.Ordinal);
    }
}
