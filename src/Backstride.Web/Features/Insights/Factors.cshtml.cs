using Backstride.Core.Insights;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Insights;

public sealed class FactorsModel(InsightLoader loader) : PageModel
{
    public FactorReport Report { get; private set; } = new([], 0, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var context = await loader.LoadAsync(cancellationToken);
        Report = FactorAnalysis.Analyse(context.Diary, context.Evenings, context.Settings.Units);
    }
}
