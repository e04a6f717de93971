using System.Globalization;
using System.Threading.Channels;

namespace Itk3.Mesh.Server.Storage;

/// <summary>
/// The append-only journal with group commit. Callers queue records; one writer appends everything queued, fsyncs once,
/// then completes every waiting caller of that batch. A batch with no durable record is written without an fsync of its
/// own: the next durable batch's fsync covers it (the file is ordered), or an idle <see cref="JournalOptions.LazyFlushDelay"/>
/// later. When the file outgrows its threshold it is compacted: the live state is written to the next generation file,
/// fsynced and renamed into place, and appends continue there.
/// </summary>
internal sealed class Journal : IAsyncDisposable
{
    private readonly Channel<PendingRecord> _queue = Channel.CreateUnbounded<PendingRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _directory;
    private readonly JournalOptions _options;
    private readonly Func<Task<IEnumerable<JournalRecord>>> _snapshot;
    private readonly Task _writer;
    private FileStream _file;
    private long _generation;
    private long _durable;
    private long _compactAt;
    private bool _dirty;
    private Exception? _fault;

    private Journal(string directory, long generation, FileStream file, JournalOptions options, Func<Task<IEnumerable<JournalRecord>>> snapshot)
    {
        _directory = directory;
        _generation = generation;
        _file = file;
        _durable = file.Length;
        _options = options;
        _snapshot = snapshot;
        _compactAt = Math.Max(options.CompactBytes, 2 * file.Length);
        CurrentPath = PathOf(directory, generation);
        _writer = Task.Run(RunAsync);
    }

    /// <summary>The file appends go to.</summary>
    public string CurrentPath { get; private set; }

    public static string PathOf(string directory, long generation) =>
        Path.Combine(directory, generation.ToString("D8", CultureInfo.InvariantCulture) + ".log");

    /// <summary>Opens generation <paramref name="generation"/> for appending, cut to its valid (replayed) length.</summary>
    public static Journal Open(string directory, long generation, long validLength, JournalOptions options, Func<Task<IEnumerable<JournalRecord>>> snapshot)
    {
        var path = PathOf(directory, generation);
        var created = !File.Exists(path);
        var file = OpenForAppend(path);
        if (file.Length != validLength)
        {
            // A torn tail from a crash: drop it durably before appending after it.
            file.SetLength(validLength);
            file.Flush(flushToDisk: true);
        }

        file.Position = validLength;
        if (created)
        {
            DirectorySync.Flush(directory);
        }

        return new Journal(directory, generation, file, options, snapshot);
    }

    /// <summary>Queues a record. Durable: the task completes once it is fsynced. Otherwise it goes out with the next batch.</summary>
    public Task Append(JournalRecord record, bool durable)
    {
        if (_fault is { } fault)
        {
            return Task.FromException(Failed(fault));
        }

        var done = durable ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        return _queue.Writer.TryWrite(new PendingRecord(record, done))
            ? done?.Task ?? Task.CompletedTask
            : Task.FromException(new ObjectDisposedException(nameof(Journal)));
    }

    /// <summary>Writes what is queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        if (_fault is null && _dirty)
        {
            _fault = Sync(0);
            ReportFault();
        }

        await _file.DisposeAsync().ConfigureAwait(false);
    }

    private static FileStream OpenForAppend(string path) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1 << 16);

    private static IOException Failed(Exception fault) => new("The message journal failed; the store is read-only until restart.", fault);

    private async Task RunAsync()
    {
        var batch = new List<PendingRecord>();
        while (await WaitForRecordsAsync().ConfigureAwait(false))
        {
            while (_queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (_fault is null)
            {
                _fault = Commit(batch);
                ReportFault();
            }

            foreach (var item in batch)
            {
                if (_fault is null)
                {
                    item.Done?.TrySetResult();
                }
                else
                {
                    item.Done?.TrySetException(Failed(_fault));
                }
            }

            batch.Clear();
            if (_fault is null && _file.Length >= _compactAt)
            {
                _fault = await CompactAsync().ConfigureAwait(false);
                ReportFault();
            }
        }
    }

    /// <summary>Waits for the next records; while written records await their fsync, fsyncs them after an idle delay.</summary>
    private async Task<bool> WaitForRecordsAsync()
    {
        if (!_dirty || _fault is not null)
        {
            return await _queue.Reader.WaitToReadAsync().ConfigureAwait(false);
        }

        using (var idle = new CancellationTokenSource(_options.LazyFlushDelay))
        {
            try
            {
                return await _queue.Reader.WaitToReadAsync(idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested)
            {
                _fault = Sync(0);
                ReportFault();
            }
        }

        return await _queue.Reader.WaitToReadAsync().ConfigureAwait(false);
    }

    private void ReportFault()
    {
        if (_fault is not null)
        {
            _options.Failed?.Invoke(_fault);
        }
    }

    private Exception? Commit(List<PendingRecord> batch)
    {
        try
        {
            var written = WriteRecords(_file, batch.Select(p => p.Record));
            _file.Flush(flushToDisk: false);
            _dirty = true;
            if (batch.Exists(p => p.Done is not null) && Sync(batch.Count) is { } fault)
            {
                return fault;
            }

            Announce(written, CurrentPath);
            return null;
        }
        catch (Exception e)
        {
            // After a failed write or fsync the file's state is unknown: stop writing (restart replays what is valid).
            return e;
        }
    }

    /// <summary>Fsyncs what is written (the fault-injection hook runs first); returns the failure, if any.</summary>
    private Exception? Sync(int records)
    {
        try
        {
            _options.BeforeFlush?.Invoke(new JournalFlush(CurrentPath, _durable, _file.Position, records));
            _file.Flush(flushToDisk: true);
            _durable = _file.Position;
            _dirty = false;
            return null;
        }
        catch (Exception e)
        {
            // After a failed fsync the file's state is unknown: stop writing (restart replays what is valid).
            return e;
        }
    }

    private async Task<Exception?> CompactAsync()
    {
        try
        {
            var records = await _snapshot().ConfigureAwait(false);
            var next = PathOf(_directory, _generation + 1);
            var temp = next + AtomicFile.TempSuffix;
            List<(Action<string, long>, long)> written;
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                written = WriteRecords(file, records);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, next);
            DirectorySync.Flush(_directory);
            var old = _file;
            _file = OpenForAppend(next);
            _file.Position = _file.Length;
            _durable = _file.Length;
            _dirty = false;
            _generation++;
            CurrentPath = next;
            await old.DisposeAsync().ConfigureAwait(false);
            Announce(written, next);

            // The previous generation stays one round for downloads that located a chunk in it just before the switch.
            File.Delete(PathOf(_directory, _generation - 2));
            _compactAt = Math.Max(_options.CompactBytes, 2 * _file.Length);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static List<(Action<string, long> Callback, long Offset)> WriteRecords(FileStream file, IEnumerable<JournalRecord> records)
    {
        var written = new List<(Action<string, long>, long)>();
        foreach (var record in records)
        {
            var prefix = JournalFormat.Prefix(record);
            var payloadAt = file.Position + prefix.Length;
            file.Write(prefix);
            file.Write(record.Payload.Span);
            if (record.Written is not null)
            {
                written.Add((record.Written, payloadAt));
            }
        }

        return written;
    }

    private static void Announce(List<(Action<string, long> Callback, long Offset)> written, string path)
    {
        foreach (var (callback, offset) in written)
        {
            callback(path, offset);
        }
    }

    private sealed record PendingRecord(JournalRecord Record, TaskCompletionSource? Done);
}
