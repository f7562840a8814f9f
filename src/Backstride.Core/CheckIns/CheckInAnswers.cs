namespace Backstride.Core.CheckIns;

/// <summary>Where the back hurts; a check-in may name several places.</summary>
[Flags]
public enum PainLocation
{
    None = 0,
    Centre = 1,
    Left = 2,
    Right = 4,
    Buttock = 8,
    DownALeg = 16,
}

public enum Stiffness
{
    None = 0,
    Mild = 1,
    Moderate = 2,
    Severe = 3,
}

/// <summary>How far pain spreads into a leg.</summary>
public enum LegSpread
{
    No = 0,
    ButtockOrThigh = 1,
    BelowKnee = 2,
}

/// <summary>Which legs, when pain spreads; both legs is a red-flag answer, so it is never assumed.</summary>
public enum LegsAffected
{
    OneLeg = 1,
    BothLegs = 2,
}

public enum PainOnset
{
    During = 0,
    RightAfter = 1,
    HoursLater = 2,
}

/// <summary>The 0–10 numeric rating scale with its anchors.</summary>
public static class PainScale
{
    public const int Min = 0;
    public const int Max = 10;
    public const string MinAnchor = "No pain";
    public const string MaxAnchor = "Worst imaginable pain";

    public static IEnumerable<int> Values => Enumerable.Range(Min, Max - Min + 1);

    public static IEnumerable<PainLocation> Locations =>
        [PainLocation.Centre, PainLocation.Left, PainLocation.Right, PainLocation.Buttock, PainLocation.DownALeg];
}
