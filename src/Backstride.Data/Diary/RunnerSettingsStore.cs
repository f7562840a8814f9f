using Backstride.Core.Runners;
using Backstride.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Diary;

public sealed class RunnerSettingsStore(BackstrideDbContext db, TimeProvider clock)
{
    /// <summary>The runner's settings, or the defaults (km, UTC) when they have never saved any.</summary>
    public async Task<RunnerSettings> GetAsync(CancellationToken cancellationToken = default) =>
        await db.RunnerSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new RunnerSettings();

    public async Task<DiaryResult<RunnerSettings>> SaveAsync(DistanceUnit? units, string? timeZoneId, int? birthYear,
        CancellationToken cancellationToken = default)
    {
        var errors = RunnerSettingsRules.Validate(units, timeZoneId, birthYear, clock.GetUtcNow());
        if (!errors.IsValid)
        {
            return DiaryResult<RunnerSettings>.Invalid(errors);
        }

        var settings = await db.RunnerSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new RunnerSettings();
            db.RunnerSettings.Add(settings);
        }
        settings.Units = units!.Value;
        settings.TimeZoneId = timeZoneId!;
        settings.BirthYear = birthYear;
        await db.SaveChangesAsync(cancellationToken);
        return DiaryResult<RunnerSettings>.Saved(settings);
    }
}
