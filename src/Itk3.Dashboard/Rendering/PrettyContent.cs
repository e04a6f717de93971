using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Itk3.Dashboard.Rendering;

/// <summary>Indents stored JSON or XML for reading; content that does not parse is shown as it is (never an error page).</summary>
internal static class PrettyContent
{
    // Relaxed escaping keeps the text as sent (the page encodes it for HTML anyway).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The indented text and its kind ("JSON", "XML" or "text").</summary>
    public static (string Text, string Kind) Format(byte[] content)
    {
        var start = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var first = content.Skip(start).Select(b => (char)b).FirstOrDefault(c => !char.IsWhiteSpace(c));
        try
        {
            if (first == '<')
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 64L * 1024 * 1024 };
                using var reader = XmlReader.Create(new MemoryStream(content), settings);
                return (XDocument.Load(reader, LoadOptions.None).ToString(SaveOptions.None), "XML");
            }

            if (first is '{' or '[')
            {
                using var document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 256 });
                return (JsonSerializer.Serialize(document.RootElement, Indented), "JSON");
            }
        }
        catch (Exception e) when (e is XmlException or JsonException)
        {
        }

        return (Encoding.UTF8.GetString(content), "text");
    }
}
