using System.Text;
using System.Text.RegularExpressions;

namespace Itk3.Fhir.Serialization.Benchmarks;

/// <summary>
/// Builds the benchmark document: the project's own XML golden files (messages, documents, narratives, primitives),
/// repeated as the entries of one collection Bundle of about 2 MB. No NHS material is used.
/// </summary>
public static partial class BenchmarkDocuments
{
    /// <summary>A large FHIR XML collection Bundle.</summary>
    public static byte[] XmlBundle(int repeats = 200)
    {
        var folder = Path.Combine(FindRoot(), "tests", "Itk3.Fhir.Serialization.Tests", "Golden", "Xml");
        var resources = Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).Select(File.ReadAllText)
            .Select(text => FhirNamespace().Replace(Prolog().Replace(text, string.Empty), string.Empty, 1)).ToArray();
        var builder = new StringBuilder("<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"collection\"/>");
        for (var i = 0; i < repeats; i++)
        {
            foreach (var resource in resources)
            {
                builder.Append("<entry><resource>").Append(resource).Append("</resource></entry>");
            }
        }

        return Encoding.UTF8.GetBytes(builder.Append("</Bundle>").ToString());
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Itk3.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Prolog();

    [GeneratedRegex(" xmlns=\"http://hl7.org/fhir\"")]
    private static partial Regex FhirNamespace();
}
