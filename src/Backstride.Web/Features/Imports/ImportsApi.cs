using Backstride.Core.Imports;
using Backstride.Core.Validation;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Backstride.Web.Features.Imports;

/// <summary>Imports over HTTP: upload files as multipart/form-data, then follow the batch until it completes.</summary>
public static class ImportsApi
{
    public const int RecentCount = 20;

    public sealed record ImportFileResponse(string Name, ImportOutcome Outcome, string? Reason, Guid? RunId, Guid? DuplicateOfRunId)
    {
        public static ImportFileResponse From(ImportFile file) =>
            new(file.FileName, file.Outcome, file.Reason, file.RunId, file.DuplicateOfRunId);
    }

    public sealed record ImportBatchResponse(
        Guid Id,
        ImportStatus Status,
        int TotalFiles,
        int DoneFiles,
        DateTimeOffset CreatedAt,
        DateTimeOffset? CompletedAt,
        string? FailureReason,
        IReadOnlyList<ImportFileResponse> Files,
        Guid? NewestRunId)
    {
        public static ImportBatchResponse From(ImportBatch batch, Guid? newestRunId) => new(batch.Id, batch.Status,
            batch.TotalFiles, batch.DoneFiles, batch.CreatedAt, batch.CompletedAt, batch.FailureReason,
            batch.Files.OrderBy(f => f.Position).Select(ImportFileResponse.From).ToList(), newestRunId);
    }

    public sealed record ImportSummaryResponse(Guid Id, ImportStatus Status, int TotalFiles, int DoneFiles,
        DateTimeOffset CreatedAt, int Imported, int Duplicates, int Rejected)
    {
        public static ImportSummaryResponse From(ImportBatchSummary batch) => new(batch.Id, batch.Status, batch.TotalFiles,
            batch.DoneFiles, batch.CreatedAt, batch.Imported, batch.Duplicates, batch.Rejected);
    }

    public sealed record ImportList(IReadOnlyList<ImportSummaryResponse> Items);

    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder diary)
    {
        var imports = diary.MapGroup("/imports").WithTags("Imports");
        imports.MapGet("/", ListAsync).WithSummary("The runner's recent imports, newest first.");
        imports.MapGet("/{id:guid}", GetAsync).WithName("GetImport")
            .WithSummary("An import's progress and each file's outcome; files=false leaves the file list out.");
        imports.MapPost("/", UploadAsync)
            .WithSummary("Upload FIT, GPX or TCX files (or .gz of them), or a Strava or Garmin export .zip, as multipart/form-data "
                + "parts named 'files'. The import runs in the background: follow the Location until its status is completed.");
        return imports;
    }

    private static async Task<Ok<ImportList>> ListAsync(ImportStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ImportList((await store.RecentAsync(RecentCount, cancellationToken)).Select(ImportSummaryResponse.From).ToList()));

    private static async Task<Results<Ok<ImportBatchResponse>, NotFound>> GetAsync(Guid id, ImportStore store,
        CancellationToken cancellationToken, bool files = true)
    {
        if (await store.FindAsync(id, files, cancellationToken) is not { } batch)
        {
            return TypedResults.NotFound();
        }
        // A result of the finished import; while it runs, the progress page asks every second, and this would read all its files.
        var newest = batch.Status is ImportStatus.Completed or ImportStatus.Failed
            ? await store.LatestImportedRunAsync(id, cancellationToken)
            : null;
        return TypedResults.Ok(ImportBatchResponse.From(batch, newest?.Id));
    }

    // The body is read here, part by part, never bound as a form: binding would buffer a whole export.
    private static async Task<Results<Accepted<ImportBatchResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpContext context, ImportUploads uploads, CancellationToken cancellationToken)
    {
        // A valid bearer token cannot be sent by another site's form; a browser's cookie can, so it needs the antiforgery
        // token. The token must have signed the request in: a cookie beside a made-up "Bearer" header is still a cookie.
        var bearer = (await context.AuthenticateAsync(IdentityConstants.BearerScheme)).Succeeded;
        var result = await uploads.ReceiveAsync(context, checkAntiforgery: !bearer, cancellationToken);
        if (result.Batch is { } batch)
        {
            return TypedResults.Accepted($"{ApiSetup.V1}/imports/{batch.Id}", ImportBatchResponse.From(batch, newestRunId: null));
        }
        if (result.Refusal == UploadRefusal.NoFiles)
        {
            var errors = new ValidationErrors();
            errors.Add(ImportUploads.FilesField, result.Message);
            return errors.ToProblem();
        }
        return TypedResults.Problem(title: result.Message, statusCode: result.Refusal switch
        {
            UploadRefusal.TooLarge => StatusCodes.Status413PayloadTooLarge,
            UploadRefusal.NotMultipart => StatusCodes.Status415UnsupportedMediaType,
            UploadRefusal.Busy => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        });
    }
}
