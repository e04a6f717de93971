using System.Buffers;
using System.Text;
using System.Text.Json;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Serialization.Reading;

namespace Itk3.Fhir.Serialization.Json;

/// <summary>Reads FHIR JSON into an element tree. Never throws on bad input: every defect becomes an issue.</summary>
internal static class FhirJsonReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Reads a resource from bytes; null when the input could not be read as a resource at all. Long values may be
    /// kept as slices of <paramref name="content"/>, which must stay unchanged while the tree is in use.
    /// </summary>
    public static ElementNode? Read(ReadOnlyMemory<byte> content, ParseContext context) => Read(content, context, null);

    /// <summary>Reads a resource from bytes, adding every value kept as a slice of them to <paramref name="kept"/> when given.</summary>
    private static ElementNode? Read(ReadOnlyMemory<byte> content, ParseContext context, List<Utf8Value>? kept)
    {
        if (content.Length > context.Options.MaxBytes)
        {
            ReportTooLarge(context);
            return null;
        }

        if (content.Span.StartsWith(Utf8Bom))
        {
            content = content[Utf8Bom.Length..];
        }
        else if (Utf16Text.IsUtf16(content.Span))
        {
            context.Report(FhirIssues.JsonMalformed, string.Empty, new SourcePosition(1, 1), "The input is UTF-16; FHIR JSON must be UTF-8.");
            return null;
        }

        return ReadFast(content, context, kept, out var root) ? root : ReadStrictly(content, context, kept);
    }

    /// <summary>
    /// Reads with <see cref="JsonTokenizer"/>; false, with every issue and kept value of the attempt taken back, when it
    /// stopped for any reason (the input is then read again, and its defect reported, by <see cref="ReadStrictly"/>).
    /// </summary>
    private static bool ReadFast(ReadOnlyMemory<byte> content, ParseContext context, List<Utf8Value>? kept, out ElementNode? root)
    {
        var mark = context.Mark();
        var keptBefore = kept?.Count ?? 0;
        var caches = JsonReaderCaches.Rent(context.Schema);
        var tokens = new JsonTokenizer(content.Span);
        try
        {
            root = new JsonTreeReader<JsonTokenizer>(content, context, caches, kept).ReadDocument(ref tokens);
            return true;
        }
        catch (Exception exception) when (exception is JsonTokenizerFallbackException or JsonReadAbortedException or InvalidOperationException)
        {
            context.Rewind(mark);
            kept?.RemoveRange(keptBefore, kept.Count - keptBefore);
            root = null;
            return false;
        }
        finally
        {
            caches.Return();
        }
    }

    /// <summary>Reads with <see cref="Utf8JsonReader"/>, turning its syntax and encoding errors into issues.</summary>
    private static ElementNode? ReadStrictly(ReadOnlyMemory<byte> content, ParseContext context, List<Utf8Value>? kept)
    {
        var caches = JsonReaderCaches.Rent(context.Schema);
        var tree = new JsonTreeReader<Utf8JsonTokenSource>(content, context, caches, kept);
        var options = new JsonReaderOptions { MaxDepth = Math.Max(1, context.Options.MaxDepth) + 1, CommentHandling = JsonCommentHandling.Disallow };
        var reader = new Utf8JsonTokenSource(new Utf8JsonReader(content.Span, options), new JsonLineIndex(content));
        try
        {
            return tree.ReadDocument(ref reader);
        }
        catch (JsonException exception)
        {
            // .NET appends its own 0-based "LineNumber: x | BytePositionInLine: y." to the message; the position says it 1-based.
            var position = new SourcePosition((int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1);
            var message = exception.Message;
            var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            context.Report(FhirIssues.JsonMalformed, tree.CurrentLocation, position, $"The input is not well-formed JSON: {(suffix < 0 ? message : message[..suffix])}");
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader tokenises without transcoding; invalid UTF-8 or UTF-16 escapes surface when a string is read.
            context.Report(FhirIssues.JsonMalformed, tree.CurrentLocation, InvalidUtf8Position(content.Span),
                "The input holds a string that is not valid UTF-8 or has an invalid escape.");
        }
        catch (JsonReadAbortedException)
        {
            // The fatal issue is already reported.
        }
        finally
        {
            caches.Return();
        }

        return null;
    }

    /// <summary>Reads a resource from a stream into a pooled buffer, refusing more than the configured maximum size.</summary>
    public static ElementNode? Read(Stream content, ParseContext context)
    {
        var buffer = ReadAll(content, context.Options.MaxBytes, out var length);
        if (buffer is null)
        {
            ReportTooLarge(context);
            return null;
        }

        var kept = new List<Utf8Value>();
        try
        {
            var root = Read(buffer.AsMemory(0, length), context, kept);

            // Values kept as slices must not see the buffer reused: each is copied out exactly. (Handing the buffer to
            // the tree would keep more: a rented buffer is rounded up, and the pool would allocate its replacement.)
            foreach (var value in kept)
            {
                value.Detach();
            }

            return root;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The line and column (in bytes, 1-based) of the first byte that is not valid UTF-8; the start when all are valid.</summary>
    private static SourcePosition InvalidUtf8Position(ReadOnlySpan<byte> content)
    {
        var offset = 0;
        while (offset < content.Length && Rune.DecodeFromUtf8(content[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        if (offset == content.Length)
        {
            return new SourcePosition(1, 1);
        }

        var before = content[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new SourcePosition(before.Count((byte)'\n') + 1, offset - lineStart + 1);
    }

    private static void ReportTooLarge(ParseContext context) =>
        context.Report(FhirIssues.InputTooLarge, string.Empty, default, $"The input is larger than {context.Options.MaxBytes} bytes.");

    /// <summary>The whole stream in a rented buffer, or null (nothing rented) when it exceeds <paramref name="maxBytes"/>.</summary>
    private static byte[]? ReadAll(Stream stream, long maxBytes, out int length)
    {
        length = 0;
        var initial = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : 16 * 1024;
        if (initial > maxBytes)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(initial + 1, 4096));
        while (true)
        {
            if (length == buffer.Length)
            {
                buffer = Grow(buffer, length, maxBytes);
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                return buffer;
            }

            length += read;
            if (length > maxBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return null;
            }
        }
    }

    private static byte[] Grow(byte[] buffer, int length, long maxBytes)
    {
        var size = (int)Math.Min(Math.Max((long)buffer.Length * 2, 4096), Math.Min(maxBytes + 1, Array.MaxLength));
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
