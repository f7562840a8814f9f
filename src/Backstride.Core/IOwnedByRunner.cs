namespace Backstride.Core;

/// <summary>A diary row: it belongs to exactly one user and is never shown to anyone else.</summary>
public interface IOwnedByRunner
{
    Guid UserId { get; set; }
}
