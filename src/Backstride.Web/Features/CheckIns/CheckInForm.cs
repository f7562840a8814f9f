using Backstride.Core.CheckIns;
using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Core.Units;
using System.Globalization;

namespace Backstride.Web.Features.CheckIns;

/// <summary>The check-in form as a person fills it in: local time, one box per place that hurts.</summary>
public sealed class CheckInForm
{
    public Guid? RunId { get; set; }

    public DateTime? RecordedAt { get; set; }

    public int? Pain { get; set; }

    public List<PainLocation> Locations { get; set; } = [];

    public Stiffness? Stiffness { get; set; }

    public LegSpread? LegSpread { get; set; }

    public LegsAffected? LegsAffected { get; set; }

    public PainOnset? Onset { get; set; }

    public string? Notes { get; set; }

    public CheckInDraft ToDraft(RunnerSettings settings) => new(
        RunId,
        RecordedAt is { } local ? settings.FromLocal(local) : null,
        Pain,
        Locations.Aggregate(PainLocation.None, (all, one) => all | one),
        Stiffness,
        LegSpread,
        LegsAffected,
        Onset,
        Notes);

    public static CheckInForm From(CheckIn checkIn, RunnerSettings settings) => new()
    {
        RunId = checkIn.RunId,
        RecordedAt = settings.ToLocal(checkIn.RecordedAt),
        Pain = checkIn.Pain,
        Locations = PainScale.Locations.Where(l => checkIn.Locations.HasFlag(l)).ToList(),
        Stiffness = checkIn.Stiffness,
        LegSpread = checkIn.LegSpread,
        LegsAffected = checkIn.LegsAffected,
        Onset = checkIn.Onset,
        Notes = checkIn.Notes,
    };

    /// <summary>
    /// A new check-in: where it hurts and stiffness start from the last check-in, so the usual check-in is one tap
    /// on the pain scale and save. Pain is never preselected, and the leg answers (red-flag answers) start at "no"
    /// and "not said", never carried over.
    /// </summary>
    public static CheckInForm Prefilled(CheckIn? last, Run? run, RunnerSettings settings, DateTimeOffset now)
    {
        var local = settings.ToLocal(now);
        return new CheckInForm
        {
            RunId = run?.Id,
            RecordedAt = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute)),
            Locations = last is null ? [] : PainScale.Locations.Where(l => last.Locations.HasFlag(l)).ToList(),
            Stiffness = last?.Stiffness ?? Core.CheckIns.Stiffness.None,
            LegSpread = Core.CheckIns.LegSpread.No,
            LegsAffected = null,
            Onset = run is null ? null : PainOnset.RightAfter,
        };
    }
}

/// <summary>A run the check-in can be linked to, in the runner's own words and units.</summary>
public sealed record RunChoice(Guid Id, string Label)
{
    public static RunChoice From(Run run, RunnerSettings settings) => new(run.Id,
        settings.ToLocal(run.StartedAt).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture)
        + " · " + Distances.Format(run.DistanceMetres, settings.Units));
}

public sealed record CheckInFieldsView(CheckInForm Form, IReadOnlyList<RunChoice> Runs);

/// <summary>Plain words for check-in answers, shared by the form and the history.</summary>
public static class CheckInText
{
    public static string Location(PainLocation location) => location switch
    {
        PainLocation.Centre => "Centre",
        PainLocation.Left => "Left side",
        PainLocation.Right => "Right side",
        PainLocation.Buttock => "Buttock",
        PainLocation.DownALeg => "Down a leg",
        _ => location.ToString(),
    };

    public static string Stiffness(Stiffness stiffness) => stiffness switch
    {
        Core.CheckIns.Stiffness.None => "None",
        Core.CheckIns.Stiffness.Mild => "Mild",
        Core.CheckIns.Stiffness.Moderate => "Moderate",
        _ => "Severe",
    };

    public static string Spread(LegSpread spread) => spread switch
    {
        LegSpread.No => "No",
        LegSpread.ButtockOrThigh => "Into the buttock or thigh",
        _ => "Below the knee",
    };

    public static string Legs(LegsAffected legs) => legs == LegsAffected.BothLegs ? "Both legs" : "One leg";

    public static string Onset(PainOnset onset) => onset switch
    {
        PainOnset.During => "During the run",
        PainOnset.RightAfter => "Right after",
        _ => "Hours later",
    };

    /// <summary>"Pain 3/10 · centre, left side · mild stiffness".</summary>
    public static string Summary(CheckIn checkIn)
    {
        var parts = new List<string> { $"Pain {checkIn.Pain}/10" };
        var places = PainScale.Locations.Where(l => checkIn.Locations.HasFlag(l)).Select(Location).ToList();
        if (places.Count > 0)
        {
            parts.Add(string.Join(", ", places).ToLowerInvariant());
        }
        if (checkIn.Stiffness != Core.CheckIns.Stiffness.None)
        {
            parts.Add(Stiffness(checkIn.Stiffness).ToLowerInvariant() + " stiffness");
        }
        if (checkIn.LegSpread != LegSpread.No)
        {
            var legs = checkIn.LegsAffected is { } affected ? $" ({Legs(affected).ToLowerInvariant()})" : "";
            parts.Add("spreads " + Spread(checkIn.LegSpread).ToLowerInvariant() + legs);
        }
        return string.Join(" · ", parts);
    }
}
