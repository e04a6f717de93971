using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Itk3.Fhir.Serialization.Benchmarks.XmlBenchmarks).Assembly).Run(args);
