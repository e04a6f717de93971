using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using Itk3.Fhir.ElementModel;
using Itk3.Fhir.Issues;
using Itk3.Fhir.Serialization.Reading;

namespace Itk3.Fhir.Serialization.Xml;

/// <summary>
/// Reads FHIR XML into an element tree. Never throws on bad input: malformed XML, DTDs, oversized or too deeply
/// nested input are fatal issues with a null root; everything else is reported and the rest of the content kept.
/// </summary>
internal static class FhirXmlReader
{
    public static ElementNode? Read(ReadOnlyMemory<byte> content, ParseContext context)
    {
        if (content.Length > context.Options.MaxBytes)
        {
            ReportTooLarge(context);
            return null;
        }

        if (TryReadLean(content, context, out var root))
        {
            return root;
        }

        var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        return ReadCore(stream, context, limit: null);
    }

    /// <summary>
    /// Reads with <see cref="LeanXmlReader"/>; false, with every issue of the attempt taken back, when the input has
    /// something that reader leaves to the framework's (the input is then read again by <see cref="ReadCore"/>).
    /// </summary>
    internal static bool TryReadLean(ReadOnlyMemory<byte> content, ParseContext context, out ElementNode? root)
    {
        var mark = context.Mark();
        var caches = XmlReaderCaches.Rent(context.Schema);
        try
        {
            using var reader = new LeanXmlReader(content, caches.Names, caches.NameBytes);
            root = new XmlTreeReader(reader, context, caches).ReadDocument();
            return true;
        }
        catch (LeanXmlFallbackException)
        {
            context.Rewind(mark);
            root = null;
            return false;
        }
        catch (FatalParseException)
        {
            root = null;
            return true;
        }
        finally
        {
            caches.Return();
        }
    }

    public static ElementNode? Read(Stream content, ParseContext context)
    {
        var limited = new LimitedReadStream(content, context.Options.MaxBytes);
        return ReadCore(limited, context, limited);
    }

    private static ElementNode? ReadCore(Stream stream, ParseContext context, LimitedReadStream? limit)
    {
        XmlTreeReader? tree = null;
        var caches = XmlReaderCaches.Rent(context.Schema);
        try
        {
            using var reader = XmlReader.Create(stream, CreateSettings(context.Options, caches.Names));
            tree = new XmlTreeReader(reader, context, caches);
            return tree.ReadDocument();
        }
        catch (FatalParseException)
        {
            return null;
        }
        catch (Exception exception) when (limit?.Exceeded == true || exception is LimitedReadStream.InputTooLargeException)
        {
            ReportTooLarge(context);
            return null;
        }
        catch (XmlException exception)
        {
            ReportMalformed(context, exception, tree);
            return null;
        }
        catch (DecoderFallbackException exception)
        {
            context.Report(FhirIssues.XmlMalformed, tree?.CurrentLocation ?? string.Empty, SourcePosition.None, $"The input is not correctly encoded: {exception.Message}");
            return null;
        }
        finally
        {
            caches.Return();
        }
    }

    private static XmlReaderSettings CreateSettings(ParseOptions options, XmlNameTable names) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        MaxCharactersInDocument = options.MaxBytes,
        CloseInput = true,
        NameTable = names,
    };

    private static void ReportMalformed(ParseContext context, XmlException exception, XmlTreeReader? tree)
    {
        var position = exception.LineNumber > 0
            ? new SourcePosition(exception.LineNumber, exception.LinePosition)
            : tree?.CurrentPosition ?? SourcePosition.None;
        var location = tree?.CurrentLocation ?? string.Empty;
        if (IsDtdRefusal(exception))
        {
            context.Report(FhirIssues.DtdProhibited, location, position, "The document has a DOCTYPE; DTDs and entities are never processed.");
        }
        else if (exception.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            ReportTooLarge(context);
        }
        else
        {
            context.Report(FhirIssues.XmlMalformed, location, position, $"The input is not well-formed XML: {exception.Message}");
        }
    }

    // XmlReader reports a prohibited DOCTYPE only through its message (resource key Xml_DtdIsProhibited[Ex]).
    private static bool IsDtdRefusal(XmlException exception) =>
        exception.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || exception.Message.Contains("Dtd", StringComparison.Ordinal);

    private static void ReportTooLarge(ParseContext context) =>
        context.Report(FhirIssues.InputTooLarge, string.Empty, SourcePosition.None, $"The input is larger than {context.Options.MaxBytes} bytes.");
}
