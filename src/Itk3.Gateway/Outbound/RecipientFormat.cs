using System.Globalization;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Outbound;

/// <summary>
/// What a recipient may look like before anything is queued: a MESH mailbox id or an ODS code is letters and digits only;
/// a GP provider address is <c>GPPROVIDER_{10-digit NHS number}_{yyyyMMdd}_{surname}</c> (letters, space, hyphen, apostrophe).
/// Control characters (CR/LF) never pass, so no header can be split and no send can poison the queue.
/// </summary>
internal static class RecipientFormat
{
    private const string GpPrefix = "GPPROVIDER_";

    /// <summary>Null when <paramref name="recipient"/> (trimmed) is well formed for <paramref name="kind"/>; else the reason.</summary>
    public static string? Check(RecipientKind kind, string recipient) => kind switch
    {
        RecipientKind.Mailbox => IsAlphanumeric(recipient, 3, 20) ? null : "a MESH mailbox id is 3 to 20 letters and digits",
        RecipientKind.Ods => IsAlphanumeric(recipient, 3, 10) ? null : "an ODS code is 3 to 10 letters and digits",
        RecipientKind.GpProvider => IsGpAddress(recipient) ? null : "expected GPPROVIDER_<10-digit NHS number>_<yyyyMMdd date of birth>_<surname>",
        _ => "unknown recipient kind",
    };

    private static bool IsAlphanumeric(string value, int min, int max) =>
        value.Length >= min && value.Length <= max && value.All(char.IsAsciiLetterOrDigit);

    private static bool IsGpAddress(string value)
    {
        var body = value.StartsWith(GpPrefix, StringComparison.OrdinalIgnoreCase) ? value[GpPrefix.Length..] : value;
        var parts = body.Split('_', 3);
        return value.Length <= 100
            && parts.Length == 3
            && parts[0].Length == 10 && parts[0].All(char.IsAsciiDigit)
            && DateOnly.TryParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && parts[2].Length > 0 && char.IsAsciiLetter(parts[2][0])
            && parts[2].All(c => char.IsAsciiLetter(c) || c is ' ' or '-' or '\'');
    }
}
