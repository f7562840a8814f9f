using Backstride.Core.Training;

namespace Backstride.Core.Tests.Training;

/// <summary>
/// The weekly strength schedule (issue 8, part 2): 2–3 sessions on days that suit the runs, not the day before a
/// long run, not right after a hard run, never two days in a row, and a reason whenever a session is moved or added.
/// </summary>
public sealed class StrengthScheduleTests
{
    /// <summary>Monday 23 November 2026; the week runs to Sunday 29 November.</summary>
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static DateOnly Day(int offsetFromMonday) => Monday.AddDays(offsetFromMonday);

    private static TrainingWeek Week(int sessionsPerWeek, HashSet<DayOfWeek> preferred, Dictionary<DayOfWeek, RunDayKind>? usualRuns = null) =>
        new(preferred, sessionsPerWeek, usualRuns ?? new Dictionary<DayOfWeek, RunDayKind>());

    /// <summary>"Monday Tuesday" → those days; "" → none.</summary>
    private static HashSet<DayOfWeek> Days(string names) =>
        names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(name => Enum.Parse<DayOfWeek>(name)).ToHashSet();

    /// <summary>"Sunday=Long Thursday=Hard" → those usual runs; "" → none.</summary>
    private static Dictionary<DayOfWeek, RunDayKind> Runs(string runs) =>
        runs.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => Enum.Parse<DayOfWeek>(pair[0]), pair => Enum.Parse<RunDayKind>(pair[1]));

    private static List<DateOnly> Dates(IReadOnlyList<ScheduledSession> sessions) => sessions.Select(s => s.Date).ToList();

    [Fact]
    public void ForWeek_TuesdayAndThursdayPickedNoRuns_ExactlyThoseDaysWithoutReasons()
    {
        // Arrange
        var week = Week(2, [DayOfWeek.Tuesday, DayOfWeek.Thursday]);

        List<DateOnly> expected = [new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 26)];

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week);

        // Assert
        Assert.Equal(expected, Dates(sessions));
        Assert.All(sessions, s => Assert.Null(s.Reason));
    }

    [Fact]
    public void ForWeek_PickedDayBeforeTheLongRun_MovedWithAReasonNamingTheDay()
    {
        // Arrange: long run on Sunday, so Saturday is the day before it.
        var week = Week(2, [DayOfWeek.Tuesday, DayOfWeek.Saturday], new() { [DayOfWeek.Sunday] = RunDayKind.Long });

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week);

        // Assert
        var dates = Dates(sessions);
        Assert.Equal(2, sessions.Count);
        Assert.DoesNotContain(new DateOnly(2026, 11, 28), dates);
        Assert.DoesNotContain(new DateOnly(2026, 11, 29), dates);
        Assert.Contains(new DateOnly(2026, 11, 24), dates);
        var moved = Assert.Single(sessions, s => s.Reason is not null);
        Assert.Contains("Saturday", moved.Reason, StringComparison.Ordinal);
        Assert.Contains("the day before your long run", moved.Reason, StringComparison.Ordinal);
        Assert.Null(sessions.Single(s => s.Date == new DateOnly(2026, 11, 24)).Reason);
    }

    [Fact]
    public void ForWeek_PickedDayAfterAHardRun_MovedWithAReasonNamingTheDay()
    {
        // Arrange: intervals on Tuesday, so Wednesday is the day after a hard run.
        var week = Week(2, [DayOfWeek.Wednesday, DayOfWeek.Saturday], new() { [DayOfWeek.Tuesday] = RunDayKind.Hard });

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week);

        // Assert
        var dates = Dates(sessions);
        Assert.Equal(2, sessions.Count);
        Assert.DoesNotContain(new DateOnly(2026, 11, 25), dates);
        Assert.DoesNotContain(new DateOnly(2026, 11, 24), dates);
        Assert.Contains(new DateOnly(2026, 11, 28), dates);
        var moved = Assert.Single(sessions, s => s.Reason is not null);
        Assert.Contains("Wednesday", moved.Reason, StringComparison.Ordinal);
        Assert.Contains("after a hard run", moved.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ForWeek_PickedDayIsTheLongRunDay_MovedWithAReason()
    {
        // Arrange
        var week = Week(2, [DayOfWeek.Wednesday, DayOfWeek.Sunday], new() { [DayOfWeek.Sunday] = RunDayKind.Long });

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week);

        // Assert
        var dates = Dates(sessions);
        Assert.Equal(2, sessions.Count);
        Assert.DoesNotContain(new DateOnly(2026, 11, 29), dates);
        Assert.DoesNotContain(new DateOnly(2026, 11, 28), dates);
        Assert.Contains(new DateOnly(2026, 11, 25), dates);
        var moved = Assert.Single(sessions, s => s.Reason is not null);
        Assert.Contains("Sunday", moved.Reason, StringComparison.Ordinal);
        Assert.Contains("long-run day", moved.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ForWeek_PickedDayIsAHardRunDay_MovedWithAReason()
    {
        // Arrange
        var week = Week(2, [DayOfWeek.Monday, DayOfWeek.Thursday], new() { [DayOfWeek.Thursday] = RunDayKind.Hard });

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week);

        // Assert
        var dates = Dates(sessions);
        Assert.Equal(2, sessions.Count);
        Assert.DoesNotContain(new DateOnly(2026, 11, 26), dates);
        Assert.DoesNotContain(new DateOnly(2026, 11, 27), dates);
        var moved = Assert.Single(sessions, s => s.Reason is not null);
        Assert.Contains("Thursday", moved.Reason, StringComparison.Ordinal);
        Assert.Contains("hard-run day", moved.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ForWeek_ThreeDaysInARowPicked_KeepsTwoOfThemAndMovesTheMiddleOneWithAReason()
    {
        // Arrange
        var week = Week(3, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday]);

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week);

        // Assert
        var dates = Dates(sessions);
        Assert.Equal(3, sessions.Count);
        Assert.Contains(new DateOnly(2026, 11, 23), dates);
        Assert.All(dates.Zip(dates.Skip(1)), pair => Assert.True(pair.Second.DayNumber - pair.First.DayNumber >= 2,
            $"{pair.First:O} and {pair.Second:O} are on consecutive days."));
        // Monday and Wednesday are the runner's own days and stay; the Tuesday session moves, saying why.
        Assert.Contains(new DateOnly(2026, 11, 25), dates);
        Assert.All(sessions.Where(s => s.Date.DayOfWeek is not (DayOfWeek.Monday or DayOfWeek.Wednesday)), s =>
            Assert.Contains("two strength days in a row", s.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2, "Monday Tuesday", "")]
    [InlineData(3, "Monday Tuesday Wednesday", "")]
    [InlineData(3, "Monday Tuesday Wednesday Thursday Friday Saturday Sunday", "")]
    [InlineData(3, "Saturday Sunday", "")]
    [InlineData(3, "Friday Saturday Sunday", "Wednesday=Hard")]
    [InlineData(3, "Tuesday Wednesday Thursday", "Sunday=Long Monday=Hard")]
    [InlineData(3, "", "Sunday=Long Wednesday=Hard")]
    [InlineData(2, "Tuesday Thursday", "Monday=Hard")]
    [InlineData(3, "Monday Wednesday Friday Sunday", "Saturday=Long Tuesday=Hard")]
    public void ForWeek_AnyWeek_NeverTwoSessionsOnConsecutiveDays(int sessionsPerWeek, string preferred, string usualRuns)
    {
        // Arrange
        var week = Week(sessionsPerWeek, Days(preferred), Runs(usualRuns));

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week);

        // Assert
        var dates = Dates(sessions);
        Assert.NotEmpty(dates);
        Assert.Equal(dates.Count, dates.Distinct().Count());
        Assert.All(dates.Zip(dates.Skip(1)), pair => Assert.True(pair.Second.DayNumber - pair.First.DayNumber >= 2,
            $"{pair.First:O} and {pair.Second:O} are on consecutive days."));
    }

    [Theory]
    [InlineData(2, "Tuesday Thursday", "")]
    [InlineData(3, "Monday Tuesday Wednesday Thursday Friday Saturday Sunday", "")]
    [InlineData(3, "Sunday", "Sunday=Long")]
    [InlineData(3, "Monday Sunday", "Monday=Long Saturday=Hard")]
    [InlineData(3, "Sunday Saturday", "Friday=Hard")]
    [InlineData(2, "", "Wednesday=Long")]
    public void ForWeek_AnyWeek_AllDatesInsideTheWeekInOrderAndOnSuitableDays(int sessionsPerWeek, string preferred, string usualRuns)
    {
        // Arrange
        var runs = Runs(usualRuns);
        var week = Week(sessionsPerWeek, Days(preferred), runs);
        RunDayKind RunOn(DateOnly date) => runs.TryGetValue(date.DayOfWeek, out var kind) ? kind : RunDayKind.Easy;

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week);

        // Assert
        var dates = Dates(sessions);
        Assert.NotEmpty(dates);
        Assert.Equal(dates.Order().ToList(), dates);
        Assert.All(dates, date =>
        {
            Assert.InRange(date, Day(0), Day(6));
            Assert.NotEqual(RunDayKind.Long, RunOn(date.AddDays(1)));
            Assert.NotEqual(RunDayKind.Hard, RunOn(date.AddDays(-1)));
            Assert.Equal(RunDayKind.Easy, RunOn(date));
        });
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    [InlineData(5, 3)]
    [InlineData(7, 3)]
    public void ForWeek_SessionsPerWeek_ClampedToTwoToThree(int asked, int expected)
    {
        // Arrange: every day picked and no runs, so nothing limits the count but the clamp.
        var week = Week(asked, Days("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"));

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week);

        // Assert
        Assert.Equal(expected, sessions.Count);
    }

    [Fact]
    public void ForWeek_OneSessionAskedOneDayPicked_FilledToTwo()
    {
        // Arrange
        var week = Week(1, [DayOfWeek.Tuesday]);

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week);

        // Assert
        Assert.Equal(2, sessions.Count);
        Assert.Contains(new DateOnly(2026, 11, 24), Dates(sessions));
    }

    [Fact]
    public void ForWeek_FewerPickedDaysThanWanted_FilledWithSuitableDaysEachWithAReason()
    {
        // Arrange
        var week = Week(3, [DayOfWeek.Tuesday]);

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week);

        // Assert
        Assert.Equal(3, sessions.Count);
        var picked = Assert.Single(sessions, s => s.Date == new DateOnly(2026, 11, 24));
        Assert.Null(picked.Reason);
        var added = sessions.Where(s => s.Date != new DateOnly(2026, 11, 24)).ToList();
        Assert.Equal(2, added.Count);
        Assert.All(added, s =>
        {
            Assert.NotNull(s.Reason);
            Assert.Contains(s.Date.DayOfWeek.ToString(), s.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ForWeek_NoDaysPicked_FilledOnSuitableDaysEachWithAReason()
    {
        // Arrange: long run on Sunday, so Saturday and Sunday do not suit.
        var week = Week(2, [], new() { [DayOfWeek.Sunday] = RunDayKind.Long });

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week);

        // Assert
        var dates = Dates(sessions);
        Assert.Equal(2, sessions.Count);
        Assert.DoesNotContain(new DateOnly(2026, 11, 28), dates);
        Assert.DoesNotContain(new DateOnly(2026, 11, 29), dates);
        Assert.All(sessions, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }

    [Fact]
    public void ForWeek_TwoSuitableDaysApartExist_StillSchedulesTwoSessions()
    {
        // Arrange: hard run Thursday, long run Sunday; only Tuesday is picked. Tuesday suits, but so do Monday and
        // Wednesday (Monday + Wednesday is a valid week), so the issue's "2–3 sessions a week" can be met.
        var week = Week(2, [DayOfWeek.Tuesday],
            new() { [DayOfWeek.Thursday] = RunDayKind.Hard, [DayOfWeek.Sunday] = RunDayKind.Long });

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week);

        // Assert
        var dates = Dates(sessions);
        Assert.True(sessions.Count >= 2, $"Only {sessions.Count} session(s): {string.Join(", ", dates.Select(d => d.DayOfWeek))}.");
        Assert.DoesNotContain(new DateOnly(2026, 11, 26), dates);
        Assert.DoesNotContain(new DateOnly(2026, 11, 27), dates);
        Assert.DoesNotContain(new DateOnly(2026, 11, 28), dates);
        Assert.DoesNotContain(new DateOnly(2026, 11, 29), dates);
        Assert.All(dates.Zip(dates.Skip(1)), pair => Assert.True(pair.Second.DayNumber - pair.First.DayNumber >= 2,
            $"{pair.First:O} and {pair.Second:O} are on consecutive days."));
    }

    [Fact]
    public void ForWeek_ActualHardRunLogged_OverridesTheUsualWeek()
    {
        // Arrange: the usual week has no runs on Wednesday, but this week a hard run was logged on it.
        var week = Week(2, [DayOfWeek.Tuesday, DayOfWeek.Thursday]);
        var actualRuns = new Dictionary<DateOnly, RunDayKind> { [new DateOnly(2026, 11, 25)] = RunDayKind.Hard };

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week, actualRuns);

        // Assert
        var dates = Dates(sessions);
        Assert.Equal(2, sessions.Count);
        Assert.Contains(new DateOnly(2026, 11, 24), dates);
        Assert.DoesNotContain(new DateOnly(2026, 11, 25), dates);
        Assert.DoesNotContain(new DateOnly(2026, 11, 26), dates);
        var moved = Assert.Single(sessions, s => s.Reason is not null);
        Assert.Contains("Thursday", moved.Reason, StringComparison.Ordinal);
        Assert.Contains("after a hard run", moved.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ForWeek_ActualEasyRunOnTheUsualHardDay_PickedDaysKept()
    {
        // Arrange: Monday is usually a hard run, but this week it was easy.
        var week = Week(2, [DayOfWeek.Tuesday, DayOfWeek.Thursday], new() { [DayOfWeek.Monday] = RunDayKind.Hard });
        var actualRuns = new Dictionary<DateOnly, RunDayKind> { [new DateOnly(2026, 11, 23)] = RunDayKind.Easy };

        List<DateOnly> expected = [new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 26)];

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week, actualRuns);

        // Assert
        Assert.Equal(expected, Dates(sessions));
        Assert.All(sessions, s => Assert.Null(s.Reason));
    }

    [Fact]
    public void ForWeek_ActualHardRunTheSundayBefore_MondayMoved()
    {
        // Arrange: a hard run logged on the last day of the previous week.
        var week = Week(2, [DayOfWeek.Monday, DayOfWeek.Thursday]);
        var actualRuns = new Dictionary<DateOnly, RunDayKind> { [new DateOnly(2026, 11, 22)] = RunDayKind.Hard };

        // Act
        var sessions = StrengthSchedule.ForWeek(Monday, week, actualRuns);

        // Assert
        var dates = Dates(sessions);
        Assert.Equal(2, sessions.Count);
        Assert.DoesNotContain(new DateOnly(2026, 11, 23), dates);
        Assert.Contains(new DateOnly(2026, 11, 26), dates);
        var moved = Assert.Single(sessions, s => s.Reason is not null);
        Assert.Contains("Monday", moved.Reason, StringComparison.Ordinal);
        Assert.Contains("after a hard run", moved.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void MondayOf_EachDayOfTheWeek_Monday23November(int offsetFromMonday)
    {
        // Arrange
        var date = new DateOnly(2026, 11, 23).AddDays(offsetFromMonday);

        // Act
        var monday = StrengthSchedule.MondayOf(date);

        // Assert
        Assert.Equal(new DateOnly(2026, 11, 23), monday);
    }

    [Fact]
    public void MondayOf_Sunday29November_Monday23November()
    {
        // Arrange
        var sunday = new DateOnly(2026, 11, 29);

        // Act
        var monday = StrengthSchedule.MondayOf(sunday);

        // Assert
        Assert.Equal(DayOfWeek.Sunday, sunday.DayOfWeek);
        Assert.Equal(new DateOnly(2026, 11, 23), monday);
    }

    [Theory]
    [InlineData(2026, 11, 22, 2026, 11, 16)]
    [InlineData(2026, 11, 30, 2026, 11, 30)]
    [InlineData(2027, 1, 3, 2026, 12, 28)]
    public void MondayOf_EitherSideOfTheWeek_ThatWeeksMonday(int year, int month, int day, int mondayYear, int mondayMonth, int mondayDay)
    {
        // Arrange
        var date = new DateOnly(year, month, day);

        // Act
        var monday = StrengthSchedule.MondayOf(date);

        // Assert
        Assert.Equal(new DateOnly(mondayYear, mondayMonth, mondayDay), monday);
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
    }
}
