namespace Backstride.Core.Runs;

/// <summary>One running activity. Distance is stored in metres and time in UTC; pace is derived.</summary>
public sealed class Run : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public double DistanceMetres { get; set; }

    public TimeSpan Duration { get; set; }

    public Surface Surface { get; set; }

    public Guid? ShoeId { get; set; }

    public Shoe? Shoe { get; set; }

    public bool StretchedBefore { get; set; }

    /// <summary>Perceived effort 1–10; optional because a tired runner may skip it.</summary>
    public int? Effort { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One of the runner's named pairs of shoes.</summary>
public sealed class Shoe : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Upper-cased invariant name, so "Pegasus 40" and "pegasus 40" are one pair on every database.</summary>
    public required string NormalizedName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();
}
