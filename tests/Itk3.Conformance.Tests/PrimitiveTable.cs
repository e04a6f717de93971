namespace Itk3.Conformance.Tests;

/// <summary>Hand-made edge cases for every STU3 primitive, accepted and refused; the XSD is the oracle for each.</summary>
internal static class PrimitiveTable
{
    public static readonly string[] Types =
        ["base64Binary", "boolean", "code", "date", "dateTime", "decimal", "id", "instant", "integer", "markdown", "oid", "positiveInt", "string", "time", "unsignedInt", "uri", "uuid"];

    /// <summary>Where the STU3 specification's own text is stricter than its XSD; the engine follows the text.</summary>
    public static readonly Dictionary<(string Type, string Value), string> StricterThanXsd = new()
    {
        [("boolean", "1")] = "STU3 booleans are true or false (JSON booleans); xs:boolean also has 1 and 0",
        [("boolean", "0")] = "STU3 booleans are true or false (JSON booleans); xs:boolean also has 1 and 0",
        [("unsignedInt", "2147483648")] = "the STU3 datatypes page limits unsignedInt to 2,147,483,647; xs:nonNegativeInteger is unbounded",
        [("positiveInt", "2147483648")] = "the STU3 datatypes page limits positiveInt to 2,147,483,647; xs:positiveInteger is unbounded",
        [("dateTime", "2017-12-01T10:11:12")] = "an STU3 dateTime with hours SHALL include a time zone; the XSD pattern makes it optional",
        [("instant", "2017-01-01T10:00:00")] = "an STU3 instant SHALL include a time zone; xs:dateTime makes it optional",
        [("instant", "2017-12-01T10:11:12+14:01")] = "the STU3 time-zone form is the dateTime pattern's (0[0-9]|1[0-3]):[0-5][0-9] or 14:00",
    };

    public static readonly Dictionary<string, string[]> Values = new()
    {
        ["base64Binary"] = ["SGVsbG8=", "SGVsbG8", "SGV$bG8=", "SGVs bG8=", "", "SGVsbG8==", "=SGVsbG8", "AAAA", "AA=A", "AB=="],
        ["boolean"] = ["true", "false", "True", "1", "0", "yes", " true", ""],
        ["code"] = ["male", "fatal-error", "a b", "a  b", " a", "a ", "", "a\tb", "394595002", "ü", "a\u00a0b"],
        ["date"] = ["2017", "2017-02", "2017-02-28", "2024-02-29", "2023-02-29", "2017-13", "2017-00", "2017-01-00", "2017-01-32",
            "2017-04-31", "0000", "-2017", "17", "20170", "2017-1", "2017-01-01T10:00:00Z", "2017-01-01Z", ""],
        ["dateTime"] = ["2017", "2017-02", "2017-02-28", "2017-12-01T10:11:12Z", "2017-12-01T10:11:12+01:00", "2017-12-01T10:11:12.123-05:00",
            "2017-12-01T10:11:12", "2017-12-01T10:11Z", "2017-12-01T10:11:60Z", "2017-12-01T24:00:00Z", "2017-12-01T10:11:12+14:00",
            "2017-12-01T10:11:12+14:30", "2017-12-01T10:11:12+15:00", "2017-12T10:11:12Z", "2023-02-29T10:00:00Z", "2017-01-01Z", ""],
        ["decimal"] = ["0", "-0", "1.10", "6.0", "-0.000120", "12345678901234567890.123", "1e3", "1E3", "1.5e-7", "+1", "01", "1.", ".5", "-",
            "0.0", "00.5", " 1.5", ""],
        ["id"] = ["a", "A-1.b", "UNREADABLE-IN-ORIGINAL-MESSAGE", new string('a', 64), new string('a', 65), "a_b", "has space", "é", ""],
        ["instant"] = ["2017-12-01T10:11:12Z", "2017-12-01T10:11:12.123+00:00", "2017-12-01T10:11:12.5-13:59", "2017-01-01T10:00:00",
            "2017-12-01", "2017-12-01T10:11Z", "2017-12-01T10:11:60Z", "2017-01-01T24:00:00Z", "2023-02-29T10:00:00Z", "2017-12-01T10:11:12+14:01", ""],
        ["integer"] = ["0", "-0", "7", "-12", "2147483647", "-2147483648", "2147483648", "-2147483649", "+5", "01", "1.0", "1e3", " 5", "", "-"],
        ["markdown"] = ["**bold**", "line one\n\tline two", " padded ", ""],
        ["oid"] = ["urn:oid:2.16.840.1.113883", "urn:oid:1", "urn:oid:5.1", "urn:oid:3", "urn:oid:0.0", "urn:oid:01.2", "urn:oid:1.",
            "urn:oid:", "2.16.840", "urn:OID:1.2", ""],
        ["positiveInt"] = ["1", "7", "2147483647", "2147483648", "0", "-1", "+1", "01", ""],
        ["string"] = ["hello", "line one\r\n\tline two", " padded ", "ü", ""],
        ["time"] = ["00:00:00", "23:59:59", "10:11:12.123", "24:00:00", "10:11:60", "10:11", "10:11:12Z", "10:11:12+01:00", "1:11:12", ""],
        ["unsignedInt"] = ["0", "7", "2147483647", "2147483648", "-1", "+1", "01", "-0", ""],
        ["uri"] = ["http://example.org/fhir", "urn:oid:1.2.3", "urn:uuid:a8b2a3f4-1d2e-4c3b-9a8f-0123456789ab", "relative/path", "#frag", "a b", ""],
        ["uuid"] = ["urn:uuid:a8b2a3f4-1d2e-4c3b-9a8f-0123456789ab", "urn:uuid:A8B2A3F4-1D2E-4C3B-9A8F-0123456789AB",
            "a8b2a3f4-1d2e-4c3b-9a8f-0123456789ab", "urn:uuid:a8b2a3f4-1d2e-4c3b-9a8f-0123456789a", ""],
    };
}
