using System.Globalization;

namespace Itk3.Gateway.LoadTest;

/// <summary>Command-line settings.</summary>
internal sealed record LoadSettings(int Transactions, int Concurrency, string DataRoot)
{
    public static LoadSettings? Parse(string[] args)
    {
        var settings = new LoadSettings(2000, 32, Path.GetTempPath());
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            settings = args[i] switch
            {
                "--transactions" => settings with { Transactions = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--concurrency" => settings with { Concurrency = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--data" => settings with { DataRoot = args[i + 1] },
                _ => null,
            };
            if (settings is null)
            {
                return null;
            }
        }

        return args.Length % 2 == 0 ? settings : null;
    }
}
