using Backstride.Core.Runs;

namespace Backstride.Web.Features.Runs;

/// <summary>Plain words for run values, shared by the form and the history.</summary>
public static class RunText
{
    public static string Surface(Surface surface) => surface switch
    {
        Core.Runs.Surface.Road => "Road",
        Core.Runs.Surface.Trail => "Trail",
        Core.Runs.Surface.Track => "Track",
        Core.Runs.Surface.Treadmill => "Treadmill",
        _ => "Other",
    };

    public static string Effort(int effort) => effort switch
    {
        1 => "1 – very easy",
        2 or 3 => $"{effort} – easy",
        4 or 5 or 6 => $"{effort} – moderate",
        7 or 8 => $"{effort} – hard",
        9 => "9 – very hard",
        _ => "10 – all out",
    };
}

public sealed record RunFieldsView(RunForm Form, RunFormContext Context);
