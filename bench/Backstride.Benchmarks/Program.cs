using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Backstride.Benchmarks.PlanBenchmarks).Assembly).Run(args);
