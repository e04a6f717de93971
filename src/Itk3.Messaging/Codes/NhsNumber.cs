namespace Itk3.Messaging.Codes;

/// <summary>NHS number check (ten digits, Modulus 11 check digit).</summary>
public static class NhsNumber
{
    /// <summary>True for ten digits (spaces ignored) whose tenth is the Modulus 11 check digit of the first nine.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var digits = value.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        check = check == 11 ? 0 : check;
        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>The number without spaces.</summary>
    public static string Normalize(string value) => value.Replace(" ", string.Empty, StringComparison.Ordinal);
}
