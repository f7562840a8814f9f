using Backstride.Data.Diary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Backstride.Web.Features.Plans;

public static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder diary)
    {
        var plans = diary.MapGroup("/plans").WithTags("Plans");
        plans.MapPost("/{checkInId:guid}/steps/{stepId}/{command}", ApplyAsync)
            .WithSummary("Start, pause, resume or finish a step's timer, or mark the step done or skipped.");
        return plans;
    }

    private static async Task<Results<Ok<StepState>, NotFound, ValidationProblem>> ApplyAsync(Guid checkInId, string stepId,
        string command, PlanLoader loader, PlanSessionStore sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var view = await loader.LoadAsync(checkInId, cancellationToken: cancellationToken);
        var step = view?.Plan.Steps.FirstOrDefault(s => string.Equals(s.Id, stepId, StringComparison.Ordinal));
        if (view is null || step is null)
        {
            return TypedResults.NotFound();
        }
        if (!PlanActions.IsKnown(command, step))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["command"] = ["Use start, pause, resume or finish for a timed step, or done or skip."],
            });
        }
        var record = await PlanActions.ApplyAsync(sessions, view.Session, step, command, cancellationToken);
        return TypedResults.Ok(StepState.From(step, record, clock.GetUtcNow()));
    }
}
