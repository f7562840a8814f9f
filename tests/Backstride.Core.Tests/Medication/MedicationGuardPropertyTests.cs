using System.Globalization;
using Backstride.Core.Medication;
using Backstride.Core.Profiles;
using CsCheck;

namespace Backstride.Core.Tests.Medication;

/// <summary>
/// Properties of the medication guard (CLINICAL.md §1) over random dose logs and runners.
/// A sample is a log of 0–12 doses (products from the table, about 1 in 43 an unknown product id, 1–4 units,
/// taken in the 36 hours before now so about a third fall outside the 24-hour window, 1 in 20 typed up to
/// 90 minutes after now), a runner (age unknown or 5–90, no profile or a profile where each condition is
/// true about 1 time in 8, pregnancy week unknown or 0–42) and a long or hot run 1 time in 4.
/// Conditions are rarer than a fair coin so that "allowed" answers are common enough to test what they promise.
/// </summary>
public sealed class MedicationGuardPropertyTests
{
    private const long Iterations = 5_000;
    private const string UnknownProductId = "grandmas-back-pills";

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 21, 0, 0, TimeSpan.Zero);

    /// <summary>The label's "in 24 hours", stated here rather than read from the guard.</summary>
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private static readonly Gen<DateTimeOffset> TakenAtGen = Gen.Select(Gen.Int[0, 19], Gen.Int[0, 36 * 60], Gen.Int[1, 90],
        (kind, minutesBefore, minutesAfter) => kind == 0 ? Now.AddMinutes(minutesAfter) : Now.AddMinutes(-minutesBefore));

    private static readonly Gen<int> UnitsGen = Gen.Int[1, 4];

    private static readonly Gen<string> ProductIdGen = Gen.Int[0, 6 * MedicationProducts.All.Count].Select(i =>
        i == 0 ? UnknownProductId : MedicationProducts.All[i % MedicationProducts.All.Count].Id);

    private static readonly Gen<DoseLogEntry> DoseGen = Gen.Select(ProductIdGen, TakenAtGen, UnitsGen,
        (productId, takenAt, units) => NewDose(productId, takenAt, units));

    private static readonly Gen<int?> AgeGen = Gen.Select(Gen.Int[0, 4], Gen.Int[5, 90],
        (kind, age) => kind == 0 ? (int?)null : age);

    private static readonly Gen<BackProfile?> ProfileGen = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 7].Array[10], Gen.Int[-10, 42],
        (kind, flags, week) => kind == 0 ? (BackProfile?)null : NewProfile(flags, week));

    private static readonly Gen<GuardContext> ContextGen = Gen.Select(AgeGen, ProfileGen, Gen.Int[0, 3],
        (age, profile, run) => new GuardContext(age, profile, run == 0));

    private static readonly Gen<GuardCase> CaseGen = Gen.Select(DoseGen.Array[0, 12], ContextGen,
        (log, context) => new GuardCase(log, context));

    /// <summary>
    /// Only waiting can stand in the way: one product in the log, no profile, no long run, and an age that is
    /// unknown or 12–59 (so a fix that refuses NSAIDs at 60+ without a profile cannot break this property).
    /// </summary>
    private static readonly Gen<SingleProductCase> SingleProductCaseGen = Gen.Select(
        Gen.Int[0, MedicationProducts.All.Count - 1],
        Gen.Select(TakenAtGen, UnitsGen).Array[1, 8],
        Gen.Int[11, 59],
        (index, doses, age) => NewSingleProductCase(MedicationProducts.All[index], doses, age <= 12 ? (int?)null : age));

    private static readonly Gen<ExtraDoseCase> ExtraDoseCaseGen = Gen.Select(CaseGen, DoseGen,
        (before, extra) => new ExtraDoseCase(before, extra));

    private static readonly Gen<WorseRunnerCase> WorseRunnerCaseGen = Gen.Select(CaseGen, Gen.Int[0, 10], Gen.Int[1, 42],
        (before, change, week) => new WorseRunnerCase(before, change, week));

    [Fact]
    public void CheckAll_AnyLogAndRunner_AnswersEveryProductInTableOrder()
    {
        // Arrange
        var expectedIds = MedicationProducts.All.Select(product => product.Id).ToList();

        // Act and assert
        CaseGen.Sample(sample =>
        {
            var answers = MedicationGuard.CheckAll(sample.Log, sample.Context, Now);

            Assert.Equal(expectedIds, answers.Select(answer => answer.Product.Id));
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void CheckAll_AnyLogAndRunner_NeverOffersMoreThanOneDoseOrWhatIsLeftOfTheDay()
    {
        CaseGen.Sample(sample =>
        {
            // Act
            var answers = MedicationGuard.CheckAll(sample.Log, sample.Context, Now);

            // Assert
            foreach (var answer in answers)
            {
                var product = answer.Product;
                var taken = UnitsOfProductInWindow(sample.Log, product.Id, Now);

                Assert.InRange(answer.MaxUnitsNow, 0, product.MaxUnitsPerDose);
                Assert.True(answer.MaxUnitsNow == 0 || taken + answer.MaxUnitsNow <= product.MaxUnitsPer24Hours,
                    Explain(answer, string.Create(CultureInfo.InvariantCulture,
                        $"offers {answer.MaxUnitsNow} on top of {taken} in 24 hours, above the label's {product.MaxUnitsPer24Hours}")));
                Assert.Equal(Math.Max(0, product.MaxUnitsPer24Hours - taken), answer.UnitsLeftToday);
            }
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void CheckAll_AnyLogAndRunner_AllowedOnlyWhenEveryRuleHolds()
    {
        // Arrange: count what was allowed, so a generator that never reaches "allowed" cannot pass vacuously.
        var allowedNsaid = 0;
        var allowedAcetaminophen = 0;

        CaseGen.Sample(sample =>
        {
            // Act
            var answers = MedicationGuard.CheckAll(sample.Log, sample.Context, Now);

            // Assert
            foreach (var answer in answers.Where(a => a.Allowed))
            {
                var product = answer.Product;
                var window = InWindow(sample.Log, Now);

                Assert.DoesNotContain(window, entry =>
                    string.Equals(entry.ProductId, product.Id, StringComparison.Ordinal) && entry.TakenAt > Now - product.MinInterval);
                Assert.DoesNotContain(window, entry =>
                    MedicationProducts.Find(entry.ProductId) is { } other && other.Id != product.Id && other.Ingredient == product.Ingredient);
                if (product.IsNsaid)
                {
                    Assert.DoesNotContain(window, entry =>
                        MedicationProducts.Find(entry.ProductId) is { } other && other.Id != product.Id && other.IsNsaid);
                }
                Assert.DoesNotContain(window, entry => MedicationProducts.Find(entry.ProductId) is null);
                Assert.False(sample.Context.Age is <= MedicationGuard.MinimumAge, Explain(answer, "allowed at 12 or under"));
                Assert.InRange(answer.MaxUnitsNow, 1, product.MaxUnitsPerDose);

                AssertNoConditionAgainst(product, sample.Context, answer);

                if (product.IsNsaid)
                {
                    Interlocked.Increment(ref allowedNsaid);
                }
                else
                {
                    Interlocked.Increment(ref allowedAcetaminophen);
                }
            }
        }, iter: Iterations, print: Describe);

        Assert.True(allowedNsaid > 0, "No sample allowed an NSAID: the generator never reached the allowed branch.");
        Assert.True(allowedAcetaminophen > 0, "No sample allowed acetaminophen: the generator never reached the allowed branch.");
    }

    [Fact]
    public void CheckAll_AnyLogAndRunner_RefusalOffersNothingAndSaysWhy()
    {
        CaseGen.Sample(sample =>
        {
            // Act
            var answers = MedicationGuard.CheckAll(sample.Log, sample.Context, Now);

            // Assert
            foreach (var answer in answers)
            {
                if (answer.Allowed)
                {
                    Assert.Empty(answer.Reasons);
                    Assert.Null(answer.EarliestNext);
                }
                else
                {
                    Assert.Equal(0, answer.MaxUnitsNow);
                    Assert.NotEmpty(answer.Reasons);
                    Assert.All(answer.Reasons, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
                }
                Assert.Contains(answer.Cautions, caution => caution.Contains("10 days", StringComparison.Ordinal));
            }
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void CheckAll_AnyLogAndRunner_AcetaminophenStaysUnderTheProductsDailyMilligrams()
    {
        CaseGen.Sample(sample =>
        {
            // Act
            var answers = MedicationGuard.CheckAll(sample.Log, sample.Context, Now);

            // Assert: every acetaminophen product in the window counts, whichever brand it was.
            var acetaminophenMg = InWindow(sample.Log, Now).Sum(entry =>
                MedicationProducts.Find(entry.ProductId) is { Ingredient: ActiveIngredient.Acetaminophen } taken
                    ? entry.Units * taken.StrengthMg
                    : 0);
            foreach (var answer in answers.Where(a => a.Allowed && a.Product.Ingredient == ActiveIngredient.Acetaminophen))
            {
                var offeredMg = answer.MaxUnitsNow * answer.Product.StrengthMg;
                Assert.True(acetaminophenMg + offeredMg <= answer.Product.MaxMgPer24Hours,
                    Explain(answer, string.Create(CultureInfo.InvariantCulture,
                        $"{acetaminophenMg} mg taken + {offeredMg} mg offered is above {answer.Product.MaxMgPer24Hours} mg")));
            }
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void CheckAll_AnyLogAndRunner_EarliestNextIsAfterNowAndAllowedThen()
    {
        CaseGen.Sample(sample =>
        {
            // Act
            var answers = MedicationGuard.CheckAll(sample.Log, sample.Context, Now);

            // Assert: EarliestNext is only given when nothing but time stands in the way, and nothing can be
            // added by waiting (doses only leave the window), so the same question then is answered yes.
            foreach (var answer in answers)
            {
                if (answer.EarliestNext is not { } next)
                {
                    continue;
                }
                Assert.True(next > Now, Explain(answer, "EarliestNext is not after now"));

                var then = MedicationGuard.Check(answer.Product, sample.Log, sample.Context, next);

                Assert.True(then.Allowed, Explain(then, "refused at the EarliestNext it was given"));
            }
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void Check_OnlyWaitingStandsInTheWay_AllowedAtEarliestNext()
    {
        // Arrange
        var refused = 0;

        SingleProductCaseGen.Sample(sample =>
        {
            // Act
            var answer = MedicationGuard.Check(sample.Product, sample.Log, sample.Context, Now);

            // Assert
            if (answer.Allowed)
            {
                Assert.Null(answer.EarliestNext);
                return;
            }
            Interlocked.Increment(ref refused);
            var next = Assert.NotNull(answer.EarliestNext);
            Assert.True(next > Now, Explain(answer, "EarliestNext is not after now"));

            var then = MedicationGuard.Check(sample.Product, sample.Log, sample.Context, next);

            Assert.True(then.Allowed, Explain(then, "refused at the EarliestNext it was given"));
            Assert.InRange(then.MaxUnitsNow, 1, sample.Product.MaxUnitsPerDose);
        }, iter: Iterations, print: Describe);

        Assert.True(refused > 0, "No sample was refused: the generator never reached the waiting branch.");
    }

    [Fact]
    public void Check_OnlyWaitingStandsInTheWay_StillRefusedJustBeforeEarliestNext()
    {
        SingleProductCaseGen.Sample(sample =>
        {
            // Act
            var answer = MedicationGuard.Check(sample.Product, sample.Log, sample.Context, Now);
            if (answer.EarliestNext is not { } next)
            {
                return;
            }
            var justBefore = MedicationGuard.Check(sample.Product, sample.Log, sample.Context, next - TimeSpan.FromTicks(1));

            // Assert: EarliestNext is the earliest, not merely a safe time.
            Assert.False(justBefore.Allowed, Explain(justBefore, "allowed before the EarliestNext it was given"));
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void CheckAll_OneMoreDoseInTheLog_NeverOffersMore()
    {
        ExtraDoseCaseGen.Sample(sample =>
        {
            // Arrange
            var log = sample.Before.Log;
            DoseLogEntry[] longerLog = [.. log, sample.Extra];

            // Act
            var before = MedicationGuard.CheckAll(log, sample.Before.Context, Now);
            var after = MedicationGuard.CheckAll(longerLog, sample.Before.Context, Now);

            // Assert
            AssertNeverMore(before, after);
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void CheckAll_OneMoreConditionOrALongRun_NeverOffersMore()
    {
        WorseRunnerCaseGen.Sample(sample =>
        {
            // Arrange
            var context = sample.Before.Context;
            var worse = Worsen(context, sample.Change, sample.PregnancyWeek);

            // Act
            var before = MedicationGuard.CheckAll(sample.Before.Log, context, Now);
            var after = MedicationGuard.CheckAll(sample.Before.Log, worse, Now);

            // Assert
            AssertNeverMore(before, after);
        }, iter: Iterations, print: Describe);
    }

    private static void AssertNoConditionAgainst(MedicationProduct product, GuardContext context, GuardAnswer answer)
    {
        if (product.IsNsaid)
        {
            Assert.False(context.AfterLongOrHotRun, Explain(answer, "NSAID allowed after a long or hot run"));
        }
        if (context.Profile is not { } profile)
        {
            return;
        }
        Assert.False(profile.Pregnant, Explain(answer, "allowed in pregnancy"));
        if (product.IsNsaid)
        {
            Assert.False(profile.StomachUlcerOrBleeding || profile.BloodThinners || profile.Steroids
                || profile.ThreeOrMoreDrinksDaily || profile.HighBloodPressure || profile.HeartDiseaseOrStroke
                || profile.KidneyDisease || profile.LiverDisease || profile.Asthma,
                Explain(answer, "NSAID allowed with a condition the label says to ask a doctor about"));
            Assert.False(context.Age is >= 60, Explain(answer, "NSAID allowed at 60 or over with a profile"));
        }
        else
        {
            Assert.False(profile.LiverDisease || profile.BloodThinners || profile.ThreeOrMoreDrinksDaily,
                Explain(answer, "acetaminophen allowed with liver disease, warfarin or 3+ drinks a day"));
        }
    }

    private static void AssertNeverMore(IReadOnlyList<GuardAnswer> before, IReadOnlyList<GuardAnswer> after)
    {
        Assert.Equal(before.Count, after.Count);
        foreach (var (was, now) in before.Zip(after))
        {
            Assert.True(now.MaxUnitsNow <= was.MaxUnitsNow, Explain(now, string.Create(CultureInfo.InvariantCulture,
                $"offers {now.MaxUnitsNow}, more than the {was.MaxUnitsNow} offered before")));
            Assert.True(now.UnitsLeftToday <= was.UnitsLeftToday, Explain(now, "more left today than before"));
            if (now.Allowed)
            {
                Assert.True(was.Allowed, Explain(now, "allowed now but refused before"));
            }
        }
    }

    private static GuardContext Worsen(GuardContext context, int change, int pregnancyWeek)
    {
        if (change == 10)
        {
            return context with { AfterLongOrHotRun = true };
        }
        var profile = context.Profile?.NextVersion(Now) ?? new BackProfile();
        switch (change)
        {
            case 0: profile.LiverDisease = true; break;
            case 1: profile.KidneyDisease = true; break;
            case 2: profile.StomachUlcerOrBleeding = true; break;
            case 3: profile.BloodThinners = true; break;
            case 4: profile.Steroids = true; break;
            case 5: profile.Pregnant = true; profile.PregnancyWeek ??= pregnancyWeek; break;
            case 6: profile.Asthma = true; break;
            case 7: profile.HighBloodPressure = true; break;
            case 8: profile.HeartDiseaseOrStroke = true; break;
            default: profile.ThreeOrMoreDrinksDaily = true; break;
        }
        return context with { Profile = profile };
    }

    private static List<DoseLogEntry> InWindow(IEnumerable<DoseLogEntry> log, DateTimeOffset now) =>
        log.Where(entry => entry.TakenAt > now - Day).ToList();

    private static int UnitsOfProductInWindow(IEnumerable<DoseLogEntry> log, string productId, DateTimeOffset now) =>
        InWindow(log, now).Where(entry => string.Equals(entry.ProductId, productId, StringComparison.Ordinal)).Sum(entry => entry.Units);

    private static DoseLogEntry NewDose(string productId, DateTimeOffset takenAt, int units) =>
        new() { ProductId = productId, TakenAt = takenAt, Units = units, CreatedAt = takenAt };

    private static BackProfile NewProfile(int[] flags, int week) => new()
    {
        LiverDisease = flags[0] == 0,
        KidneyDisease = flags[1] == 0,
        StomachUlcerOrBleeding = flags[2] == 0,
        BloodThinners = flags[3] == 0,
        Steroids = flags[4] == 0,
        Pregnant = flags[5] == 0,
        PregnancyWeek = week < 0 ? null : week,
        Asthma = flags[6] == 0,
        HighBloodPressure = flags[7] == 0,
        HeartDiseaseOrStroke = flags[8] == 0,
        ThreeOrMoreDrinksDaily = flags[9] == 0,
    };

    private static SingleProductCase NewSingleProductCase(MedicationProduct product, (DateTimeOffset TakenAt, int Units)[] doses, int? age) =>
        new(product, [.. doses.Select(dose => NewDose(product.Id, dose.TakenAt, dose.Units))], new GuardContext(age, null, false));

    private static string Explain(GuardAnswer answer, string problem) => string.Create(CultureInfo.InvariantCulture,
        $"{answer.Product.Id}: {problem} (allowed {answer.Allowed}, max now {answer.MaxUnitsNow}, left {answer.UnitsLeftToday}, reasons: {string.Join(" | ", answer.Reasons)})");

    private static string Describe(GuardCase sample) => string.Create(CultureInfo.InvariantCulture,
        $"{DescribeContext(sample.Context)}; log: {DescribeLog(sample.Log)}");

    private static string Describe(SingleProductCase sample) => string.Create(CultureInfo.InvariantCulture,
        $"{sample.Product.Id}; {DescribeContext(sample.Context)}; log: {DescribeLog(sample.Log)}");

    private static string Describe(ExtraDoseCase sample) => string.Create(CultureInfo.InvariantCulture,
        $"{Describe(sample.Before)}; extra: {DescribeLog([sample.Extra])}");

    private static string Describe(WorseRunnerCase sample) => string.Create(CultureInfo.InvariantCulture,
        $"{Describe(sample.Before)}; change {sample.Change}, week {sample.PregnancyWeek}");

    private static string DescribeLog(IEnumerable<DoseLogEntry> log)
    {
        var entries = log.Select(entry => string.Create(CultureInfo.InvariantCulture,
            $"{entry.ProductId} x{entry.Units} at now{(entry.TakenAt - Now).TotalMinutes:+0;-0;+0}min"));
        return "[" + string.Join(", ", entries) + "]";
    }

    private static string DescribeContext(GuardContext context)
    {
        var age = context.Age is { } years ? years.ToString(CultureInfo.InvariantCulture) : "unknown";
        var run = context.AfterLongOrHotRun ? "after a long or hot run" : "no long run";
        return "age " + age + ", " + run + ", " + DescribeProfile(context.Profile);
    }

    private static string DescribeProfile(BackProfile? profile)
    {
        if (profile is null)
        {
            return "no profile";
        }
        var conditions = new List<string>();
        if (profile.LiverDisease) { conditions.Add("liver disease"); }
        if (profile.KidneyDisease) { conditions.Add("kidney disease"); }
        if (profile.StomachUlcerOrBleeding) { conditions.Add("ulcer or bleeding"); }
        if (profile.BloodThinners) { conditions.Add("blood thinners"); }
        if (profile.Steroids) { conditions.Add("steroids"); }
        if (profile.Pregnant) { conditions.Add("pregnant"); }
        if (profile.PregnancyWeek is { } week) { conditions.Add("week " + week.ToString(CultureInfo.InvariantCulture)); }
        if (profile.Asthma) { conditions.Add("asthma"); }
        if (profile.HighBloodPressure) { conditions.Add("high blood pressure"); }
        if (profile.HeartDiseaseOrStroke) { conditions.Add("heart disease or stroke"); }
        if (profile.ThreeOrMoreDrinksDaily) { conditions.Add("3+ drinks a day"); }
        return "profile: " + (conditions.Count == 0 ? "no conditions" : string.Join(", ", conditions));
    }

    private sealed record GuardCase(DoseLogEntry[] Log, GuardContext Context);

    private sealed record SingleProductCase(MedicationProduct Product, DoseLogEntry[] Log, GuardContext Context);

    private sealed record ExtraDoseCase(GuardCase Before, DoseLogEntry Extra);

    private sealed record WorseRunnerCase(GuardCase Before, int Change, int PregnancyWeek);
}
