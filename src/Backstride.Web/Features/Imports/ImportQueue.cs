using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Backstride.Web.Features.Imports;

/// <summary>
/// A batch to import and whose it is. The runner travels with the batch id because the worker may only open the
/// diary of a known runner: it never looks across runners to find out whose a batch is.
/// </summary>
public sealed record ImportJob(Guid BatchId, Guid UserId);

/// <summary>
/// The batches this instance is receiving or importing, in arrival order. A batch is claimed from its upload until
/// its import ends, so the start-up scan never touches an upload in progress and no batch is imported twice at once.
/// </summary>
public sealed class ImportQueue
{
    private readonly Channel<ImportJob> _jobs = Channel.CreateUnbounded<ImportJob>();
    private readonly ConcurrentDictionary<Guid, byte> _claimed = new();

    /// <summary>False when this instance already has the batch in hand.</summary>
    public bool TryClaim(Guid batchId) => _claimed.TryAdd(batchId, 0);

    public void Release(Guid batchId) => _claimed.TryRemove(batchId, out _);

    /// <summary>Queues a batch claimed with <see cref="TryClaim"/>; the worker releases it when its import ends.</summary>
    public ValueTask EnqueueAsync(ImportJob job, CancellationToken cancellationToken = default) =>
        _jobs.Writer.WriteAsync(job, cancellationToken);

    public IAsyncEnumerable<ImportJob> ReadAllAsync(CancellationToken cancellationToken) =>
        _jobs.Reader.ReadAllAsync(cancellationToken);
}
