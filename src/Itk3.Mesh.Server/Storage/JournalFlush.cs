namespace Itk3.Mesh.Server.Storage;

/// <summary>Records written to the journal but not yet fsynced (what a fault-injection hook sees).</summary>
/// <param name="Path">The journal file.</param>
/// <param name="DurableLength">The length known to be on disk (after the previous fsync).</param>
/// <param name="WrittenLength">The length after this batch, of which the tail is not yet on disk.</param>
/// <param name="Records">How many records the batch holds (0 for the idle fsync of batches written without one).</param>
internal sealed record JournalFlush(string Path, long DurableLength, long WrittenLength, int Records);
