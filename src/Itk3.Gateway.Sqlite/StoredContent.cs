using System.Buffers;
using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite;

/// <summary>Payloads kept apart in the <c>contents</c> table and referenced by <c>content_seq</c> from the inbox, outbox and
/// delivery rows (migration 0008), so a state change never rewrites the payload; rows written before keep theirs inline.</summary>
internal static class StoredContent
{
    /// <summary>The SQL value of a row's payload: its <c>contents</c> row, or its inline <c>content</c> (rows written before migration 0008).</summary>
    public const string Value = "COALESCE((SELECT c.bytes FROM contents c WHERE c.seq = content_seq), content)";

    /// <summary>The SQL length of a row's payload, read without loading it.</summary>
    public const string Length = "COALESCE((SELECT length(c.bytes) FROM contents c WHERE c.seq = content_seq), length(content))";

    /// <summary>A column list (with <c>content</c> once) whose <c>content</c> reads the payload wherever it is kept.</summary>
    public static string Selecting(string columns) => columns.Replace("content", $"{Value} AS content", StringComparison.Ordinal);

    /// <summary>Writes <paramref name="content"/> into a new <c>contents</c> row and returns its seq: small payloads are bound, large ones
    /// inserted as zeros of their length (the blob is the row's last column, so SQLite does not expand it) and written a piece at a time.</summary>
    public static async Task<long> AddAsync(SqlSession session, ReadOnlySequence<byte> content, CancellationToken cancellationToken)
    {
        if (content.Length <= SqlSession.BlobPieceBytes)
        {
            var bound = content.IsSingleSegment ? content.First : content.ToArray();
            return (long)(await session.ScalarAsync("INSERT INTO contents (bytes) VALUES ($bytes) RETURNING seq", [("$bytes", bound)], cancellationToken))!;
        }

        var seq = (long)(await session.ScalarAsync(
            "INSERT INTO contents (bytes) VALUES (zeroblob($length)) RETURNING seq", [("$length", content.Length)], cancellationToken))!;
        session.WriteBlob("contents", "bytes", seq, content);
        return seq;
    }

    /// <summary>The payload of the row of <paramref name="table"/> whose <paramref name="keyColumn"/> is <paramref name="key"/> (constants but the key),
    /// read from the database pages into one array (<see cref="SqlSession.ReadBlob"/>); null when there is no such row.</summary>
    public static async Task<byte[]?> ReadAsync(SqlSession session, string table, string keyColumn, string key, CancellationToken cancellationToken) =>
        await LocateAsync(session, table, $"{keyColumn} = $key", key, cancellationToken) is { } at ? session.ReadBlob(at.Table, at.Column, at.RowId) : null;

    /// <summary>Opens the payload of the row of <paramref name="table"/> (<c>outbox</c> or <c>deliveries</c>) whose id is <paramref name="id"/> for
    /// reading straight from the database file (SqliteBlob), on a connection of its own that the stream closes; null when there is no
    /// such row or its content was purged.</summary>
    public static async Task<Stream?> OpenAsync(SqliteConnector connector, string table, string id, CancellationToken cancellationToken)
    {
        var connection = await connector.OpenAsync(cancellationToken);
        Stream? stream = null;
        try
        {
            var at = await LocateAsync(new SqlSession(connection, null), table, "id = $key AND content_purged_at IS NULL", id, cancellationToken);
            if (at is { } blob)
            {
                stream = new OwnedBlobStream(new SqliteBlob(connection, blob.Table, blob.Column, blob.RowId, readOnly: true), connection);
            }

            return stream;
        }
        catch (SqliteException exception)
        {
            throw SqlSession.Wrap(exception);
        }
        finally
        {
            if (stream is null)
            {
                // Nothing handed over: the connection is not the stream's to close.
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>Where the payload of the row of <paramref name="table"/> matching <paramref name="where"/> (constants but <c>$key</c>) lies:
    /// its <c>contents</c> row, or the row itself for rows written before migration 0008 (content inline); null when no row matches.</summary>
    public static async Task<(string Table, string Column, long RowId)?> LocateAsync(
        SqlSession session, string table, string where, string key, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleAsync(
            $"SELECT rowid, content_seq FROM {table} WHERE {where}", [("$key", key)],
            r => new Tuple<long, long?>(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1)), cancellationToken);
        return row is null ? null
            : row.Item2 is { } seq ? ("contents", "bytes", seq)
            : (table, "content", row.Item1);
    }

    /// <summary>Stores <paramref name="content"/> in <c>contents</c> and runs <paramref name="insert"/> with <c>$content_seq</c> added to
    /// <paramref name="parameters"/>; true when the row was inserted, false (and the payload removed again) when its insert met a conflict.</summary>
    public static Task<bool> InsertRowAsync(
        SqlSession session, ReadOnlyMemory<byte> content, string insert, List<(string Name, object? Value)> parameters, CancellationToken cancellationToken) =>
        InsertRowAsync(session, new ReadOnlySequence<byte>(content), insert, parameters, cancellationToken);

    /// <summary>As the overload taking the payload in one piece, with the payload in pieces (written a piece at a time when large).</summary>
    public static async Task<bool> InsertRowAsync(
        SqlSession session, ReadOnlySequence<byte> content, string insert, List<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        var seq = await AddAsync(session, content, cancellationToken);
        parameters.Add(("$content_seq", seq));
        if (await session.ExecuteAsync(insert, parameters, cancellationToken) == 1)
        {
            return true;
        }

        await DeleteAsync(session, seq, cancellationToken);
        return false;
    }

    /// <summary>Removes a payload no row took (its insert met a conflict).</summary>
    public static Task DeleteAsync(SqlSession session, long seq, CancellationToken cancellationToken) =>
        session.ExecuteAsync("DELETE FROM contents WHERE seq = $seq", [("$seq", seq)], cancellationToken);

    /// <summary>SQL that deletes the payloads referenced by the rows of <paramref name="table"/> matching <paramref name="where"/> (constants only).</summary>
    public static string DeleteReferencedBy(string table, string where) =>
        $"DELETE FROM contents WHERE seq IN (SELECT content_seq FROM {table} WHERE {where} AND content_seq IS NOT NULL)";
}
