using Backstride.Core.Insights;
using Backstride.Core.Plans;
using Backstride.Core.Runs;

namespace Backstride.Core.Tests.Insights;

/// <summary>One generated run with the pain scores a test planted around it.</summary>
internal sealed record PlantedRun(
    RunRow Run,
    int Pain,
    int? FollowUpPain = null,
    int? MorningPain = null,
    IReadOnlySet<Remedy>? Remedies = null);

/// <summary>
/// Seeded, believable runner data: one run a day at 17:00 UTC with watch measurements, its check-in 20 minutes after
/// the run ends, a follow-up 2 hours later and a morning score at 08:00 the next day when the test plants them.
/// </summary>
internal static class PlantedDiary
{
    public static readonly DateTimeOffset FirstRunAt = new(2025, 1, 6, 17, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan CheckInAfterRun = TimeSpan.FromMinutes(20);

    public static readonly TimeSpan FollowUpAfterCheckIn = TimeSpan.FromHours(2);

    public const double MeanCadence = 172;

    public static DateTimeOffset Day(int day, int hour = 17) =>
        new DateTimeOffset(FirstRunAt.Date, TimeSpan.Zero).AddDays(day).AddHours(hour);

    public static Guid NextGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    public static double Normal(Random random, double mean, double standardDeviation) =>
        MathNet.Numerics.Distributions.Normal.Sample(random, mean, standardDeviation);

    /// <summary>A pain score as a runner would give it: a whole number from 0 to 10.</summary>
    public static int Score(double value) => (int)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), 0, 10);

    /// <summary>
    /// A run on the given day: about one in five over 15 km, mostly road with some trail, one of two named pairs of
    /// shoes (or none), stretched before about half the time, and running dynamics as a watch reports them.
    /// </summary>
    public static RunRow RandomRun(Random random, DateTimeOffset startedAt, IReadOnlyList<(Guid Id, string Name)> shoes)
    {
        var distance = random.NextDouble() < 0.2 ? 15_500 + random.NextDouble() * 9_500 : 4_000 + random.NextDouble() * 10_000;
        var secondsPerKm = Normal(random, 330, 25);
        var surface = random.NextDouble() < 0.7 ? Surface.Road : Surface.Trail;
        var shoeIndex = random.Next(shoes.Count + 1);
        (Guid Id, string Name)? shoe = shoeIndex < shoes.Count ? shoes[shoeIndex] : null;
        return new RunRow(
            NextGuid(random),
            startedAt,
            distance,
            TimeSpan.FromSeconds(secondsPerKm * distance / 1000),
            surface,
            shoe?.Id,
            shoe?.Name,
            StretchedBefore: random.NextDouble() < 0.5,
            CadenceStepsPerMinute: Normal(random, MeanCadence, 8),
            VerticalOscillationMm: Normal(random, 85, 10),
            GroundContactTimeMs: Normal(random, 250, 20),
            VerticalRatioPercent: Normal(random, 8, 0.8),
            StepLengthMm: Normal(random, 1_150, 80));
    }

    public static IReadOnlyList<(Guid Id, string Name)> TwoPairsOfShoes(Random random) =>
        [(NextGuid(random), "Trail Blazers"), (NextGuid(random), "Daily Trainers")];

    /// <summary>One run a day from <see cref="FirstRunAt"/>, each given its pain by <paramref name="plant"/>.</summary>
    public static IReadOnlyList<PlantedRun> DailyRuns(Random random, int count, Func<RunRow, PlantedRun> plant)
    {
        var shoes = TwoPairsOfShoes(random);
        var runs = new List<PlantedRun>(count);
        for (var day = 0; day < count; day++)
        {
            runs.Add(plant(RandomRun(random, Day(day), shoes)));
        }
        return runs;
    }

    public static InsightDiary Build(IReadOnlyList<PlantedRun> planted, IReadOnlyList<DateTimeOffset>? strengthSessions = null)
    {
        var checkIns = new List<PainRow>();
        var evenings = new List<EveningRow>();
        // Ids from a fixed seed keep tie-breaks, and so results, reproducible.
        var ids = new Random(planted.Count);
        foreach (var p in planted)
        {
            var checkInAt = p.Run.StartedAt + p.Run.Duration + CheckInAfterRun;
            var checkIn = new PainRow(NextGuid(ids), p.Run.Id, checkInAt, p.Pain);
            checkIns.Add(checkIn);
            if (p.FollowUpPain is { } followUp)
            {
                checkIns.Add(new PainRow(NextGuid(ids), p.Run.Id, checkInAt + FollowUpAfterCheckIn, followUp));
            }
            if (p.MorningPain is { } morning)
            {
                var nextMorning = new DateTimeOffset(checkInAt.UtcDateTime.Date.AddDays(1).AddHours(8), TimeSpan.Zero);
                checkIns.Add(new PainRow(NextGuid(ids), null, nextMorning, morning));
            }
            if (p.Remedies is { Count: > 0 } remedies)
            {
                evenings.Add(new EveningRow(checkIn.Id, checkInAt, null, remedies));
            }
        }
        checkIns.Sort((a, b) => a.RecordedAt.CompareTo(b.RecordedAt));
        return new InsightDiary(
            planted.Select(p => p.Run).OrderBy(r => r.StartedAt).ToList(),
            checkIns,
            evenings,
            (strengthSessions ?? []).Order().ToList(),
            [],
            TimeZoneInfo.Utc);
    }
}
