using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Network.Client;
using Polly;
using Polly.Retry;

namespace ImageQuality.Cli.Network;

/// <summary>
/// Sends files in batches, one association per batch (at most <see cref="BatchSize"/> instances and 128 presentation
/// contexts). A transient failure (connection refused or reset, transient A-ASSOCIATE-RJ, A-ABORT, timeout) retries
/// the batch from the first instance that got no answer, with exponential backoff and jitter; permanent rejections
/// and failure statuses are not retried: a failure status is the peer's considered answer about that instance.
/// </summary>
internal sealed class StoreSession
{
    /// <summary>Context IDs are odd numbers 1 to 255 (PS3.8 9.3.2.2).</summary>
    private const int MaxContexts = 128;

    private readonly DicomClient _client;
    private readonly TransferSyntaxChoice _syntax;
    private readonly ResiliencePipeline _pipeline;
    private SendItem? _inFlight;

    public StoreSession(DicomClient client, TransferSyntaxChoice syntax, int batchSize, int retries, TimeSpan retryDelay, Action<string> log, CancellationToken userCancellation)
    {
        _client = client;
        _syntax = syntax;
        BatchSize = batchSize;
        _pipeline = retries == 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => NetworkErrors.IsTransient(e, userCancellation)),
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retryDelay,
                MaxDelay = TimeSpan.FromMinutes(1),
                OnRetry = args =>
                {
                    log($"{NetworkErrors.Describe(args.Outcome.Exception!)}; retry {args.AttemptNumber + 1} of {retries} in {args.RetryDelay.TotalSeconds:0.0} s");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public int BatchSize { get; }

    public async Task SendAsync(IReadOnlyList<SendItem> items, Action<SendOutcome> done, CancellationToken cancellationToken)
    {
        foreach (List<SendItem> batch in Batches(items))
        {
            var pending = new Queue<SendItem>(batch);
            while (pending.Count > 0)
            {
                _inFlight = null;
                try
                {
                    await _pipeline.ExecuteAsync(async ct => await SendBatchAsync(pending, done, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    string why = NetworkErrors.Describe(e);
                    if (_inFlight is not null && pending.TryPeek(out SendItem? head) && ReferenceEquals(head, _inFlight))
                    {
                        // The association kept failing while this instance was on its way (a peer that aborts on
                        // this one file): give up on it alone and go on with the rest of the batch.
                        done(new SendOutcome(pending.Dequeue(), null, null, why));
                        continue;
                    }

                    while (pending.TryDequeue(out SendItem? item))
                    {
                        done(new SendOutcome(item, null, null, why));
                    }
                }
            }
        }
    }

    private async Task SendBatchAsync(Queue<SendItem> pending, Action<SendOutcome> done, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        await using DicomClientAssociation association = await _client.OpenAssociationAsync(_syntax.Propose(pending), cancellationToken).ConfigureAwait(false);
        while (pending.TryPeek(out SendItem? item))
        {
            SendOutcome outcome;
            _inFlight = item;
            try
            {
                DicomStoreResult result = await association.StoreAsync(item.Path, cancellationToken).ConfigureAwait(false);
                outcome = result.Sent
                    ? new SendOutcome(item, result.Status, result.ErrorComment, null)
                    : new SendOutcome(item, null, null, result.ErrorComment ?? "no accepted presentation context");
            }
            catch (DicomFormatException e)
            {
                // Raised while reading or re-encoding the file, before anything of it went out: the association is intact.
                outcome = new SendOutcome(item, null, null, $"unreadable: {e.Message}");
            }

            pending.Dequeue();
            _inFlight = null;
            done(outcome);
        }

        await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
    }

    private IEnumerable<List<SendItem>> Batches(IReadOnlyList<SendItem> items)
    {
        var batch = new List<SendItem>();
        var keys = new HashSet<(string, string)>();
        foreach (SendItem item in items)
        {
            var added = _syntax.ContextKeys(item).Where(k => !keys.Contains(k)).Distinct().ToList();
            if (batch.Count > 0 && (batch.Count >= BatchSize || keys.Count + added.Count > MaxContexts))
            {
                yield return batch;
                batch = [];
                keys.Clear();
            }

            batch.Add(item);
            keys.UnionWith(_syntax.ContextKeys(item));
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
