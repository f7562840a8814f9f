using Backstride.Core.Runs;
using Backstride.Core.Units;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Backstride.Web.Features.Runs;

/// <summary>Runs over JSON, in SI units: metres, seconds, UTC instants with an offset.</summary>
public static class RunsApi
{
    public sealed record RunRequest(
        DateTimeOffset? StartedAt,
        double? DistanceMetres,
        double? DurationSeconds,
        Surface? Surface,
        string? Shoes,
        bool? StretchedBefore,
        int? Effort,
        string? Notes)
    {
        public RunDraft ToDraft() => new(StartedAt, DistanceMetres, Durations.FromSeconds(DurationSeconds), Surface,
            Shoes, StretchedBefore ?? false, Effort, Notes);
    }

    public sealed record RunResponse(
        Guid Id,
        DateTimeOffset StartedAt,
        double DistanceMetres,
        double DurationSeconds,
        double? PaceSecondsPerKm,
        Surface Surface,
        string? Shoes,
        bool StretchedBefore,
        int? Effort,
        string? Notes,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt)
    {
        public static RunResponse From(Run run) => new(run.Id, run.StartedAt, run.DistanceMetres,
            run.Duration.TotalSeconds, Pace.SecondsPerUnit(run.DistanceMetres, run.Duration, DistanceUnit.Kilometres),
            run.Surface, run.Shoe?.Name, run.StretchedBefore, run.Effort, run.Notes, run.CreatedAt, run.UpdatedAt);
    }

    public sealed record RunPage(IReadOnlyList<RunResponse> Items, int Page, int PageSize, bool HasMore);

    private static readonly Dictionary<string, string> ApiNames = new(StringComparer.Ordinal)
    {
        [RunRules.StartedAtField] = "startedAt",
        [RunRules.DistanceField] = "distanceMetres",
        [RunRules.DurationField] = "durationSeconds",
        [RunRules.SurfaceField] = "surface",
        [RunRules.ShoesField] = "shoes",
        [RunRules.EffortField] = "effort",
        [RunRules.NotesField] = "notes",
    };

    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder diary)
    {
        var runs = diary.MapGroup("/runs").WithTags("Runs");
        runs.MapGet("/", ListAsync).WithSummary("The runner's runs, newest first.");
        runs.MapGet("/{id:guid}", GetAsync).WithName("GetRun");
        runs.MapPost("/", CreateAsync);
        runs.MapPut("/{id:guid}", UpdateAsync);
        runs.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete a run; its check-ins stay, without a run.");
        return runs;
    }

    private static async Task<Results<Ok<RunPage>, ValidationProblem>> ListAsync(RunStore store,
        CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        if (ValidationMapping.PagingProblem(page, pageSize) is { } problem)
        {
            return problem;
        }
        var (items, hasMore) = await store.PageAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(new RunPage(items.Select(RunResponse.From).ToList(), page, pageSize, hasMore));
    }

    private static async Task<Results<Ok<RunResponse>, NotFound>> GetAsync(Guid id, RunStore store,
        CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } run
            ? TypedResults.Ok(RunResponse.From(run))
            : TypedResults.NotFound();

    private static async Task<Results<Created<RunResponse>, ValidationProblem>> CreateAsync(RunRequest request,
        RunStore store, CancellationToken cancellationToken)
    {
        var result = await store.AddAsync(request.ToDraft(), cancellationToken);
        return result.Value is { } run
            ? TypedResults.Created($"{ApiSetup.V1}/runs/{run.Id}", RunResponse.From(run))
            : result.Errors.ToProblem(ApiNames);
    }

    private static async Task<Results<Ok<RunResponse>, ValidationProblem, NotFound>> UpdateAsync(Guid id,
        RunRequest request, RunStore store, CancellationToken cancellationToken)
    {
        var result = await store.UpdateAsync(id, request.ToDraft(), cancellationToken);
        return result.Outcome switch
        {
            DiaryOutcome.NotFound => TypedResults.NotFound(),
            DiaryOutcome.Invalid => result.Errors.ToProblem(ApiNames),
            _ => TypedResults.Ok(RunResponse.From(result.Value!)),
        };
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, RunStore store,
        CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
