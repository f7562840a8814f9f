using Backstride.Core.CheckIns;
using Backstride.Core.Insights;
using Backstride.Core.Triage;

namespace Backstride.Core.Tests.Triage;

public sealed class PainTrendTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Two run check-ins in each of the last three weeks with the given pains, oldest week first.</summary>
    private static List<PainRow> Weeks(params (int First, int Second)[] weeks)
    {
        var rows = new List<PainRow>();
        for (var w = 0; w < weeks.Length; w++)
        {
            var weekStart = Now.AddDays(-7 * (weeks.Length - w));
            rows.Add(new PainRow(Guid.NewGuid(), Guid.NewGuid(), weekStart.AddDays(1), weeks[w].First));
            rows.Add(new PainRow(Guid.NewGuid(), Guid.NewGuid(), weekStart.AddDays(4), weeks[w].Second));
        }
        return rows;
    }

    [Fact]
    public void KeepsRising_PainUpWeekOnWeekByThreePoints_IsTrue() =>
        Assert.True(PainTrend.KeepsRising(Weeks((2, 3), (4, 4), (5, 6)), Now));

    [Fact]
    public void KeepsRising_RiseOfOnlyOnePointInAll_IsFalse() =>
        Assert.False(PainTrend.KeepsRising(Weeks((3, 3), (3, 4), (4, 4)), Now));

    [Fact]
    public void KeepsRising_UpThenDown_IsFalse() =>
        Assert.False(PainTrend.KeepsRising(Weeks((2, 2), (6, 6), (5, 5)), Now));

    [Fact]
    public void KeepsRising_OneScoreInAWeek_IsFalseSoOneBadEveningCannotTriggerIt()
    {
        var rows = Weeks((2, 2), (3, 3), (6, 6));
        rows.RemoveAt(0);

        Assert.False(PainTrend.KeepsRising(rows, Now));
    }

    [Fact]
    public void KeepsRising_FollowUpsOfTheSameRun_AreNotCounted()
    {
        // Each run's first check-in rises; the follow-ups (lower, same run) must not dilute or replace them.
        var rows = Weeks((2, 2), (4, 4), (6, 6));
        var withFollowUps = rows.Concat(rows.Select(r => r with { Id = Guid.NewGuid(), RecordedAt = r.RecordedAt.AddHours(2), Pain = 0 }))
            .OrderBy(r => r.RecordedAt).ToList();

        Assert.True(PainTrend.KeepsRising(withFollowUps, Now));
    }

    [Fact]
    public void Assess_PainKeepsRising_AddsARoutineReferralNeverMore()
    {
        var checkIn = new CheckIn { Pain = 6, RecordedAt = Now, RunId = Guid.NewGuid() };

        var outcome = TriageRules.Assess(new TriageInput(checkIn, null, null, 35, new HashSet<string>(), PainKeepsRising: true));

        Assert.Equal(TriageLevel.SeeDoctor, outcome.Level);
        Assert.Contains(outcome.Findings, f => f.Reason == "Your pain after runs has kept rising over the last 3 weeks.");
    }
}
