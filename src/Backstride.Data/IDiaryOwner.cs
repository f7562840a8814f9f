namespace Backstride.Data;

/// <summary>
/// Whose diary this unit of work may see. Every diary query is filtered to this user, and every
/// diary write is checked against it, so nobody (an admin included) can reach another runner's rows.
/// </summary>
public interface IDiaryOwner
{
    Guid? UserId { get; }
}

/// <summary>A fixed owner, for design-time tools, background work started on a runner's behalf, and tests.</summary>
public sealed class FixedDiaryOwner(Guid? userId) : IDiaryOwner
{
    public static readonly FixedDiaryOwner Nobody = new(null);

    public Guid? UserId { get; } = userId;
}

public sealed class DiaryOwnershipException(string message) : InvalidOperationException(message);
