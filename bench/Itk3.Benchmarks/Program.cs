using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project bench/Itk3.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
