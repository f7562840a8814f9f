namespace Backstride.Core.Medication;

/// <summary>What the runner says they took: when, which product, how many tablets.</summary>
public sealed class DoseLogEntry : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public DateTimeOffset TakenAt { get; set; }

    public required string ProductId { get; set; }

    public int Units { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
