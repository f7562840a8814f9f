namespace Backstride.Core.CheckIns;

public static class CheckInHistory
{
    /// <summary>
    /// The first check-in for a run is "the" check-in; every later one for the same run is a follow-up.
    /// Derived, not stored, so deleting or back-dating one never leaves a stale flag.
    /// </summary>
    public static bool IsFollowUp(CheckIn checkIn, IEnumerable<CheckIn> sameRun) =>
        checkIn.RunId is not null
        && sameRun.Any(other => other.RunId == checkIn.RunId && other.Id != checkIn.Id
            && (other.RecordedAt < checkIn.RecordedAt
                || (other.RecordedAt == checkIn.RecordedAt && other.Id.CompareTo(checkIn.Id) < 0)));
}
