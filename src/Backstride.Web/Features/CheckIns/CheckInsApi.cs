using Backstride.Core.CheckIns;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Backstride.Web.Features.CheckIns;

public static class CheckInsApi
{
    public sealed record CheckInRequest(
        Guid? RunId,
        DateTimeOffset? RecordedAt,
        int? Pain,
        PainLocation[]? Locations,
        Stiffness? Stiffness,
        LegSpread? LegSpread,
        LegsAffected? LegsAffected,
        PainOnset? Onset,
        string? Notes)
    {
        /// <summary>A new check-in without a time is "now", as on the page; a replacement must say its time.</summary>
        public CheckInDraft ToDraft(DateTimeOffset? whenMissing) => new(RunId, RecordedAt ?? whenMissing, Pain,
            (Locations ?? []).Aggregate(PainLocation.None, (all, one) => all | one),
            Stiffness, LegSpread, LegsAffected, Onset, Notes);
    }

    public sealed record CheckInResponse(
        Guid Id,
        Guid? RunId,
        bool IsFollowUp,
        DateTimeOffset RecordedAt,
        int Pain,
        PainLocation[] Locations,
        Stiffness Stiffness,
        LegSpread LegSpread,
        LegsAffected? LegsAffected,
        PainOnset? Onset,
        string? Notes,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt)
    {
        public static CheckInResponse From(CheckIn c, bool isFollowUp) => new(c.Id, c.RunId, isFollowUp, c.RecordedAt,
            c.Pain, PainScale.Locations.Where(l => c.Locations.HasFlag(l)).ToArray(), c.Stiffness, c.LegSpread,
            c.LegsAffected, c.Onset, c.Notes, c.CreatedAt, c.UpdatedAt);
    }

    public sealed record CheckInPage(IReadOnlyList<CheckInResponse> Items, int Page, int PageSize, bool HasMore);

    public static RouteGroupBuilder MapCheckInsApi(this RouteGroupBuilder diary)
    {
        var checkIns = diary.MapGroup("/check-ins").WithTags("Check-ins");
        checkIns.MapGet("/", ListAsync).WithSummary("The runner's check-ins, newest first; runId narrows to one run.");
        checkIns.MapGet("/{id:guid}", GetAsync);
        checkIns.MapPost("/", CreateAsync).WithSummary("Record a check-in; recordedAt defaults to now.");
        checkIns.MapPut("/{id:guid}", UpdateAsync);
        checkIns.MapDelete("/{id:guid}", DeleteAsync);
        return checkIns;
    }

    private static async Task<Results<Ok<CheckInPage>, ValidationProblem, NotFound>> ListAsync(CheckInStore store,
        RunStore runs, CancellationToken cancellationToken, int page = 1, int pageSize = 20, Guid? runId = null)
    {
        if (runId is { } id && await runs.FindAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        if (ValidationMapping.PagingProblem(page, pageSize) is { } problem)
        {
            return problem;
        }
        var (items, hasMore) = await store.PageAsync(page, pageSize, runId, cancellationToken);
        var followUps = await store.FollowUpIdsAsync(items, cancellationToken);
        return TypedResults.Ok(new CheckInPage(
            items.Select(c => CheckInResponse.From(c, followUps.Contains(c.Id))).ToList(), page, pageSize, hasMore));
    }

    private static async Task<Results<Ok<CheckInResponse>, NotFound>> GetAsync(Guid id, CheckInStore store,
        CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } checkIn)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await RespondAsync(checkIn, store, cancellationToken));
    }

    private static async Task<Results<Created<CheckInResponse>, ValidationProblem>> CreateAsync(CheckInRequest request,
        CheckInStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await store.AddAsync(request.ToDraft(clock.GetUtcNow()), cancellationToken);
        if (result.Value is not { } checkIn)
        {
            return result.Errors.ToProblem();
        }
        return TypedResults.Created($"{ApiSetup.V1}/check-ins/{checkIn.Id}",
            await RespondAsync(checkIn, store, cancellationToken));
    }

    private static async Task<Results<Ok<CheckInResponse>, ValidationProblem, NotFound>> UpdateAsync(Guid id,
        CheckInRequest request, CheckInStore store, CancellationToken cancellationToken)
    {
        var result = await store.UpdateAsync(id, request.ToDraft(whenMissing: null), cancellationToken);
        return result.Outcome switch
        {
            DiaryOutcome.NotFound => TypedResults.NotFound(),
            DiaryOutcome.Invalid => result.Errors.ToProblem(),
            _ => TypedResults.Ok(await RespondAsync(result.Value!, store, cancellationToken)),
        };
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, CheckInStore store,
        CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<CheckInResponse> RespondAsync(CheckIn checkIn, CheckInStore store,
        CancellationToken cancellationToken)
    {
        var followUps = await store.FollowUpIdsAsync([checkIn], cancellationToken);
        return CheckInResponse.From(checkIn, followUps.Contains(checkIn.Id));
    }
}
