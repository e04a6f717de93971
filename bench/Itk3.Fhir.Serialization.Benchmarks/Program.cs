using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Itk3.Fhir.Serialization.Benchmarks.JsonBenchmarks).Assembly).Run(args);
