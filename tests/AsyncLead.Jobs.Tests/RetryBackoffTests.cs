using AsyncLead.Jobs;

namespace AsyncLead.Jobs.Tests;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(11, 2048)]
    [InlineData(12, 3600)]
    [InlineData(int.MaxValue, 3600)]
    public void Without_jitter_the_wait_doubles_from_two_seconds_up_to_an_hour(int attempt, int seconds)
    {
        // A sample of 0.5 is the middle of the jitter range: exactly the base delay.
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.After(attempt, 0.5));
    }

    [Fact]
    public void Jitter_spreads_the_wait_by_a_quarter_either_way()
    {
        Assert.Equal(TimeSpan.FromSeconds(6), RetryBackoff.After(3, 0));
        Assert.InRange(RetryBackoff.After(3, 0.999999), TimeSpan.FromSeconds(9.99), TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1.0)]
    [InlineData(1, -0.1)]
    public void Nonsense_inputs_are_refused(int attempt, double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.After(attempt, jitter));
    }
}
