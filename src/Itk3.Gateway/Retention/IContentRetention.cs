namespace Itk3.Gateway.Retention;

/// <summary>A store that can blank the payload bytes of finished items while keeping their records.</summary>
public interface IContentRetention
{
    /// <summary>
    /// Blanks the bytes of finished items older than the cutoffs (erased from the database file, not only unlinked) and
    /// keeps every record, state, id, code and timeline entry; on <paramref name="dryRun"/> only counts them.
    /// </summary>
    Task<PurgeReport> PurgeContentAsync(RetentionCutoffs cutoffs, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken);
}
