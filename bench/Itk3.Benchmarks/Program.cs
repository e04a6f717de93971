using BenchmarkDotNet.Running;
using Itk3.Benchmarks;

// Run all: dotnet run -c Release --project bench/Itk3.Benchmarks -- --filter '*'
// FHIR ratios to the raw scan, round by round: dotnet run -c Release --project bench/Itk3.Benchmarks -- interleaved [seconds] [input ...]
// Two builds' JSON parse in one process: ... -- compare <before folder> <after folder> [seconds] [input ...]
if (args is ["interleaved", .. var rest])
{
    InterleavedRatios.Run(rest);
    return;
}

if (args is ["compare", .. var folders])
{
    BuildComparison.Run(folders);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
