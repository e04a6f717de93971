namespace Itk3.Mesh.Server.Storage;

/// <summary>Tuning and test hooks of the store's journal.</summary>
internal sealed record JournalOptions
{
    /// <summary>Chunks up to this size are stored inline in the journal; larger ones get their own file.</summary>
    public int InlineChunkLimit { get; init; } = 256 * 1024;

    /// <summary>The journal is compacted once it grows past this size (and past twice its size after the last compaction).</summary>
    public long CompactBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// How long records that nobody waits for (downloaded and acknowledged marks, used tokens) may stay written but not
    /// fsynced while no durable record comes to carry them; a crash inside it loses at most those marks.
    /// </summary>
    public TimeSpan LazyFlushDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Test hook run after a batch is written and before it is fsynced; throwing kills the journal there.</summary>
    public Action<JournalFlush>? BeforeFlush { get; init; }

    /// <summary>Told once when a write, fsync or compaction fails and the journal stops.</summary>
    public Action<Exception>? Failed { get; init; }
}
