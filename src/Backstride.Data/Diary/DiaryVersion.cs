namespace Backstride.Data.Diary;

/// <summary>
/// A counter per runner, raised after every save that changes their diary. The insights keep a runner's rows in
/// memory while it stands still; reading one number tells any instance whether its copy is current.
/// </summary>
public sealed class DiaryVersion
{
    public Guid UserId { get; set; }

    public long Version { get; set; }
}
