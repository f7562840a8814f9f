using Backstride.Core.Insights;
using Backstride.Core.Runners;
using Backstride.Data.Diary;

namespace Backstride.Web.Features.Insights;

/// <summary>The signed-in runner's settings, diary rows and run evenings: what every insights page starts from.</summary>
public sealed record InsightContext(RunnerSettings Settings, InsightDiary Diary, IReadOnlyList<RunEvening> Evenings);

public sealed class InsightLoader(InsightStore insights, RunnerSettingsStore settingsStore)
{
    public async Task<InsightContext> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        var diary = await insights.LoadAsync(settings.TimeZone, cancellationToken: cancellationToken);
        return new InsightContext(settings, diary, RunEvenings.Build(diary));
    }
}
