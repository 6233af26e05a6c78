using AsyncLead.Jobs;
using Microsoft.Extensions.Options;

namespace AsyncLead.Jobs.Tests;

public sealed class JobsCompositionTests(JobsDatabase database) : IClassFixture<JobsDatabase>
{
    [Fact]
    public async Task Two_handlers_for_one_kind_stop_the_worker_from_being_built_naming_both()
    {
        await using var host = JobHost.Create(database.ConnectionString, new ManualClock(), services: services => services.AddJobHandler<ImpostorHandler>());

        var error = Assert.Throws<InvalidOperationException>(() => host.Worker);

        Assert.Contains($"Job kind '{RecordingHandler.JobKind}' has two handlers", error.Message);
        Assert.Contains(nameof(RecordingHandler), error.Message);
        Assert.Contains(nameof(ImpostorHandler), error.Message);
    }

    [Fact]
    public async Task Every_registered_kind_is_in_the_route_table()
    {
        await using var host = JobHost.Create(database.ConnectionString, new ManualClock(), services: services => services.AddJobHandler<OtherHandler>());

        Assert.Equal([OtherHandler.JobKind, RecordingHandler.JobKind], host.Services.GetRequiredService<JobHandlers>().Kinds.Order());
    }

    [Fact]
    public async Task Bad_settings_stop_the_start_naming_each_variable()
    {
        await using var host = JobHost.Create(database.ConnectionString, new ManualClock(), new Dictionary<string, string?>
        {
            ["Jobs:Concurrency"] = "0",
            ["Jobs:BatchSize"] = "5000",
            ["Jobs:PollInterval"] = "00:00:00",
            ["Jobs:LeaseDuration"] = "00:00:00.500",
            ["Jobs:Retention"] = "-1.00:00:00",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAsync);

        Assert.Equal(5, error.Failures.Count());
        foreach (var name in new[] { "Concurrency", "BatchSize", "PollInterval", "LeaseDuration", "Retention" })
        {
            Assert.Contains(error.Failures, failure => failure.StartsWith($"Jobs__{name} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new JobsOptionsValidator().Validate(null, new JobsOptions()).Succeeded);
    }

    private sealed class ImpostorHandler : IJobHandler
    {
        public string Kind => RecordingHandler.JobKind;

        public Task HandleAsync(JobContext job, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class OtherHandler : IJobHandler
    {
        public const string JobKind = "test.other";

        public string Kind => JobKind;

        public Task HandleAsync(JobContext job, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
