using Backstride.Core.Insights;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Insights;

public sealed class RemediesModel(InsightLoader loader) : PageModel
{
    public IReadOnlyList<RemedyResult> Remedies { get; private set; } = [];

    public int Evenings { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var context = await loader.LoadAsync(cancellationToken);
        Evenings = context.Evenings.Count;
        Remedies = RemedyAnalysis.Analyse(context.Diary, context.Evenings);
    }
}
