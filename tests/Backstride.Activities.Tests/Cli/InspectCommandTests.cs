using System.Globalization;
using System.Text.Json;
using Backstride.Cli;

namespace Backstride.Activities.Tests.Cli;

public sealed class InspectCommandTests
{
    private static (int ExitCode, string Stdout, string Stderr) Inspect(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = InspectCommand.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Run_Fenix5RunAsJson_PrintsTheFilesOwnTotals()
    {
        // Act
        var (exitCode, stdout, stderr) = Inspect("inspect", SampleFiles.PathOf(SampleFiles.Fenix5Run), "--json");

        // Assert: MANIFEST.md's session of garmin-fenix-5-run.fit.
        Assert.Equal(InspectCommand.Success, exitCode);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("fit", root.GetProperty("format").GetString());
        Assert.Equal("running", root.GetProperty("sport").GetString());
        Assert.Equal(21, root.GetProperty("records").GetInt32());
        var session = root.GetProperty("sessions")[0];
        Assert.Equal(157.56, session.GetProperty("totalDistance").GetDouble());
        Assert.Equal(56.887, session.GetProperty("totalElapsedTime").GetDouble(), precision: 3);
        Assert.Equal(83.0, session.GetProperty("avgCadence").GetDouble());
        Assert.Equal(971.7, session.GetProperty("avgStepLength").GetDouble());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", root.GetProperty("start").GetString());
    }

    [Fact]
    public void Run_Fenix5RunWithoutJson_PrintsASummary()
    {
        // Act
        var (exitCode, stdout, _) = Inspect("inspect", SampleFiles.PathOf(SampleFiles.Fenix5Run));

        // Assert
        Assert.Equal(InspectCommand.Success, exitCode);
        Assert.Contains("records: 21", stdout, StringComparison.Ordinal);
        Assert.Contains("157.56 m", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FileWithWrongCrc_ExitsWithTwoAndTheReadersMessage()
    {
        // Act
        var (exitCode, stdout, stderr) = Inspect("inspect", SampleFiles.PathOf(SampleFiles.WrongFileCrc), "--json");

        // Assert
        Assert.Equal(InspectCommand.UnreadableFile, exitCode);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Run_MissingFile_ExitsWithTwo()
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), $"backstride-missing-{Guid.NewGuid()}.fit");

        // Act
        var (exitCode, _, stderr) = Inspect("inspect", path);

        // Assert
        Assert.Equal(InspectCommand.UnreadableFile, exitCode);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoArguments_ExitsWith64AndTheUsage()
    {
        // Act
        var (exitCode, stdout, stderr) = Inspect();

        // Assert
        Assert.Equal(InspectCommand.UsageError, exitCode);
        Assert.Contains("usage: backstride inspect FILE [--json]", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("summarise", "run.fit")]
    [InlineData("inspect", "run.fit", "--xml")]
    [InlineData("inspect", "a.fit", "b.fit")]
    public void Run_WrongArguments_ExitsWith64AndTheUsage(params string[] args)
    {
        // Act
        var (exitCode, stdout, stderr) = Inspect(args);

        // Assert
        Assert.Equal(InspectCommand.UsageError, exitCode);
        Assert.Contains("usage: backstride inspect FILE [--json]", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }
}
