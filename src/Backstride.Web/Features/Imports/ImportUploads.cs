using System.Buffers;
using System.Globalization;
using System.Text;
using Backstride.Core.Imports;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Backstride.Web.Features.Imports;

public enum UploadRefusal
{
    None,
    NoFiles,
    TooLarge,
    NotMultipart,
    Unreadable,
    Forged,
    Busy,
}

/// <summary>What became of an upload: a queued batch, or why it was refused (in words for the runner).</summary>
public sealed record UploadResult(ImportBatch? Batch, UploadRefusal Refusal, string Message)
{
    public static UploadResult Accepted(ImportBatch batch) => new(batch, UploadRefusal.None, "");

    public static UploadResult Refused(UploadRefusal refusal, string message) => new(null, refusal, message);
}

/// <summary>
/// Receives an upload for the page and the API alike: streams each file straight to disk (a whole export can be
/// gigabytes, so nothing is held in memory or buffered as a form), records the batch and queues it for the worker.
/// </summary>
public sealed class ImportUploads(ImportStore store, ImportQueue queue, ImportFolders folders, IOptions<ImportOptions> options,
    IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions)
{
    public const string FilesField = "files";

    public const string NoFilesMessage = "Choose one or more FIT, GPX or TCX files, or an export archive (.zip).";

    public const string BusyMessage = "You have imports still running; wait for them to finish.";

    /// <summary>Unfinished batches a runner may have at once: each keeps its upload on the server's disk until it ends.</summary>
    public const int MaxUnfinishedBatches = 2;

    // Part headers and boundaries, on top of the files themselves.
    private const long MultipartAllowance = 8L * 1024 * 1024;
    private const int MaxFieldLength = 4096;
    private const int CopyBufferSize = 81920;

    public string TooLargeMessage => string.Create(CultureInfo.InvariantCulture,
        $"This upload is larger than the {options.Value.MaxUploadMegabytes:N0} MB Backstride takes at once. Upload the files in smaller groups.");

    public string TooManyFilesMessage => string.Create(CultureInfo.InvariantCulture,
        $"At most {options.Value.MaxArchiveEntries:N0} files at once; upload an export archive instead.");

    /// <param name="checkAntiforgery">
    /// True for a browser session: the form's token (sent before the files) or the RequestVerificationToken header must
    /// match, or a page elsewhere could post files into the runner's diary.
    /// </param>
    public async Task<UploadResult> ReceiveAsync(HttpContext context, bool checkAntiforgery, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        // Raised for this request only; every other endpoint keeps the server's default.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxUploadBytes + MultipartAllowance;
        }
        if (context.Request.ContentLength > limits.MaxUploadBytes + MultipartAllowance)
        {
            return UploadResult.Refused(UploadRefusal.TooLarge, TooLargeMessage);
        }
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary) is not { Length: > 0 and <= 70 } boundary)
        {
            return UploadResult.Refused(UploadRefusal.NotMultipart,
                $"Send the files as multipart/form-data, each in a part named \"{FilesField}\".");
        }
        var runner = context.User.GetUserId() ?? throw new InvalidOperationException("Only a signed-in runner can import.");
        // Asked before a byte is read: a runner's unfinished uploads could otherwise fill the server's disk.
        if (await store.UnfinishedCountAsync(cancellationToken) >= MaxUnfinishedBatches)
        {
            return UploadResult.Refused(UploadRefusal.Busy, BusyMessage);
        }

        var batchId = Guid.CreateVersion7();
        queue.TryClaim(batchId);
        var names = new List<string>();
        var received = 0L;
        string? formToken = null;
        var genuine = !checkAntiforgery;
        var queued = false;
        try
        {
            var reader = new MultipartReader(boundary.Value!, context.Request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var fileName = FileNameOf(disposition);
                if (fileName is null)
                {
                    if (formToken is null && HeaderUtilities.RemoveQuotes(disposition.Name)
                            .Equals(antiforgeryOptions.Value.FormFieldName, StringComparison.Ordinal))
                    {
                        formToken = await ReadFieldAsync(section.Body, cancellationToken);
                    }
                    continue;
                }
                // The form sends its token first, so a forged upload is refused before a byte of it is stored.
                if (!genuine)
                {
                    genuine = await IsGenuineAsync(context, formToken);
                    if (!genuine)
                    {
                        return ForgedUpload();
                    }
                }
                if (fileName.Length == 0)
                {
                    // What a browser sends for a file input left empty.
                    continue;
                }
                // Each file becomes a file on disk and a row: thousands of tiny parts must not make thousands of either.
                if (names.Count >= limits.MaxArchiveEntries)
                {
                    return UploadResult.Refused(UploadRefusal.TooLarge, TooManyFilesMessage);
                }
                if (names.Count == 0)
                {
                    folders.Create(batchId, runner);
                }
                var copied = await StoreAsync(section.Body, folders.UploadPath(batchId, names.Count),
                    limits.MaxUploadBytes - received, cancellationToken);
                if (copied is not { } bytes)
                {
                    return UploadResult.Refused(UploadRefusal.TooLarge, TooLargeMessage);
                }
                received += bytes;
                names.Add(fileName);
            }
            if (!genuine && !await IsGenuineAsync(context, formToken))
            {
                return ForgedUpload();
            }
            if (names.Count == 0)
            {
                return UploadResult.Refused(UploadRefusal.NoFiles, NoFilesMessage);
            }
            // Asked again: uploads sent side by side all passed the first check while none of them had a batch yet.
            if (await store.UnfinishedCountAsync(cancellationToken) >= MaxUnfinishedBatches)
            {
                return UploadResult.Refused(UploadRefusal.Busy, BusyMessage);
            }
            var batch = await store.CreateBatchAsync(batchId, names, cancellationToken);
            queued = true;
            // Saved is promised: the queue must get the batch even if the client has gone meanwhile.
            await queue.EnqueueAsync(new ImportJob(batchId, runner), CancellationToken.None);
            return UploadResult.Accepted(batch);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return UploadResult.Refused(UploadRefusal.TooLarge, TooLargeMessage);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return UploadResult.Refused(UploadRefusal.Unreadable, "The upload did not arrive in full. Please try again.");
        }
        finally
        {
            if (!queued)
            {
                folders.Delete(batchId);
                queue.Release(batchId);
            }
        }
    }

    private static UploadResult ForgedUpload() => UploadResult.Refused(UploadRefusal.Forged,
        "This upload did not come from Backstride's import form. Reload the page and try again; API clients sign in with a bearer token.");

    /// <summary>The part's file name ("" for an empty file input), or null for a plain form field.</summary>
    private static string? FileNameOf(ContentDispositionHeaderValue disposition)
    {
        if (disposition.FileNameStar.HasValue)
        {
            return disposition.FileNameStar.Value ?? "";
        }
        return disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "" : null;
    }

    private async Task<bool> IsGenuineAsync(HttpContext context, string? formToken)
    {
        if (antiforgeryOptions.Value.HeaderName is not { } header)
        {
            return false;
        }
        if (context.Request.Headers[header].Count == 0)
        {
            if (string.IsNullOrEmpty(formToken))
            {
                return false;
            }
            // The validator takes the token from this header when there is one, and would otherwise read (and buffer)
            // the whole form; handing it the token already read keeps the upload streaming.
            context.Request.Headers[header] = formToken;
        }
        return await antiforgery.IsRequestValidAsync(context);
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
        var buffer = new char[MaxFieldLength];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return new string(buffer, 0, read);
    }

    /// <returns>The bytes stored, or null when the file would take the upload past its limit.</returns>
    private static async Task<long?> StoreAsync(Stream body, string path, long allowed, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true);
            var copied = 0L;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken)) > 0)
            {
                copied += read;
                if (copied > allowed)
                {
                    return null;
                }
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            return copied;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
