using BenchmarkDotNet.Running;
using Itk3.Benchmarks;

// Run all: dotnet run -c Release --project bench/Itk3.Benchmarks -- --filter '*'
// FHIR ratios to the raw scan, round by round: dotnet run -c Release --project bench/Itk3.Benchmarks -- interleaved [seconds] [input ...]
if (args is ["interleaved", .. var rest])
{
    InterleavedRatios.Run(rest);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
