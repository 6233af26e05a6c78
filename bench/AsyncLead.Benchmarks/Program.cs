using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: no generated project to restore (the NuGet mirror is partial), and one process per run keeps the
// numbers comparable within a run on this shared machine.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(AsyncLead.Benchmarks.MarkdownBenchmarks).Assembly).Run(args, config);
