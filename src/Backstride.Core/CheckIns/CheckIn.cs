using Backstride.Core.Runs;

namespace Backstride.Core.CheckIns;

/// <summary>One report of back pain, usually tied to a run. A later one for the same run is its follow-up.</summary>
public sealed class CheckIn : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid? RunId { get; set; }

    public Run? Run { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public int Pain { get; set; }

    public PainLocation Locations { get; set; }

    public Stiffness Stiffness { get; set; }

    public LegSpread LegSpread { get; set; }

    /// <summary>Only set when pain spreads into a leg.</summary>
    public LegsAffected? LegsAffected { get; set; }

    public PainOnset? Onset { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
