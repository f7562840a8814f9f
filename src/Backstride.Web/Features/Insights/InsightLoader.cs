using Backstride.Core.Insights;
using Backstride.Core.Runners;
using Backstride.Data.Diary;
using Backstride.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Backstride.Web.Features.Insights;

/// <summary>The signed-in runner's settings, diary rows and run evenings: what every insights page starts from.</summary>
public sealed record InsightContext(RunnerSettings Settings, InsightDiary Diary, IReadOnlyList<RunEvening> Evenings);

/// <summary>
/// Loads the insights' rows, keeping the last copy per runner in memory while the runner's diary version in the database
/// is unchanged. Measured on ten years (README, Performance): reading the rows was most of a page's time; reading the
/// version is one small query, so a second look at the insights skips the reading entirely.
/// </summary>
public sealed class InsightLoader(InsightStore insights, RunnerSettingsStore settingsStore, InsightCache cache,
    IDiaryOwner owner)
{
    public async Task<InsightContext> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        var userId = owner.UserId;
        var fingerprint = (userId is { } reader ? await insights.DiaryVersionAsync(reader, cancellationToken) : 0)
            .ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + settings.TimeZoneId;
        if (userId is { } id && cache.TryGet(id, fingerprint) is { } cached)
        {
            return new InsightContext(settings, cached.Diary, cached.Evenings);
        }
        var diary = await insights.LoadAsync(settings.TimeZone, cancellationToken: cancellationToken);
        var evenings = RunEvenings.Build(diary);
        if (userId is { } runner)
        {
            cache.Set(runner, fingerprint, diary, evenings);
        }
        return new InsightContext(settings, diary, evenings);
    }
}

/// <summary>
/// One copy of each recently seen runner's insight rows, bounded by rows held (ten years is about 15,000) and dropped
/// after ten minutes unused. Per instance; every use is checked against the database's diary version first.
/// </summary>
public sealed class InsightCache : IDisposable
{
    private const long MaxRowsHeld = 500_000;

    private static readonly TimeSpan KeptUnused = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxRowsHeld });

    private sealed record Entry(string Fingerprint, InsightDiary Diary, IReadOnlyList<RunEvening> Evenings);

    public (InsightDiary Diary, IReadOnlyList<RunEvening> Evenings)? TryGet(Guid userId, string fingerprint) =>
        _cache.TryGetValue(userId, out Entry? entry) && entry!.Fingerprint == fingerprint ? (entry.Diary, entry.Evenings) : null;

    public void Set(Guid userId, string fingerprint, InsightDiary diary, IReadOnlyList<RunEvening> evenings)
    {
        var rows = diary.Runs.Count + diary.CheckIns.Count + diary.Evenings.Count + evenings.Count + 1;
        _cache.Set(userId, new Entry(fingerprint, diary, evenings),
            new MemoryCacheEntryOptions { Size = rows, SlidingExpiration = KeptUnused });
    }

    /// <summary>Drops a runner's copy at once, e.g. when their account is deleted.</summary>
    public void Forget(Guid userId) => _cache.Remove(userId);

    public void Dispose() => _cache.Dispose();
}
