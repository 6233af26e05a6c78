using AsyncLead.Sandbox.Slack.State;

namespace AsyncLead.Sandbox.Slack;

/// <summary>
/// Trouble on Slack's side, per Web API method (or for every method when <c>method</c> is null): rate limits
/// (429 + Retry-After), server errors (500/503), added latency before or after the call takes effect, answers held
/// until released, seeded random failures, and a strict
/// "chat.postMessage: 1 message per second per channel" mode timed on the harness clock.
/// </summary>
public sealed class FakeSlackFaults
{
    private readonly Lock _gate = new();
    private readonly SlackWorld _world;
    private readonly List<ScriptedFault> _scripted = [];
    private readonly Dictionary<string, TimeSpan> _latency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _answerDelay = new(StringComparer.Ordinal);
    private readonly List<(string Method, Func<SlackCall, bool> Which)> _holds = [];
    private readonly List<SlackCall> _held = [];
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RandomFaults? _random;

    internal FakeSlackFaults(SlackWorld world) => _world = world;

    /// <summary>The next <paramref name="times"/> calls answer 429 <c>ratelimited</c> with <c>Retry-After</c>.</summary>
    public void RateLimit(string? method = null, int times = 1, int retryAfterSeconds = 1) =>
        Script(method, times, new InjectedFault(429, retryAfterSeconds));

    /// <summary>The next <paramref name="times"/> calls answer a bare HTTP error (500, 503…) with a non-JSON body.</summary>
    public void ServerError(string? method = null, int times = 1, int statusCode = 500) =>
        Script(method, times, new InjectedFault(statusCode, null));

    /// <summary>Every call waits this long (in real time) before being answered.</summary>
    public void Latency(TimeSpan delay, string? method = null)
    {
        lock (_gate)
        {
            _latency[method ?? "*"] = delay;
        }
    }

    /// <summary>
    /// Every call takes effect at once (a message is posted, and the call is recorded) but its answer waits this long
    /// (in real time): a client that dies or gives up meanwhile never learns that the call succeeded.
    /// </summary>
    public void SlowAnswer(TimeSpan delay, string? method = null)
    {
        lock (_gate)
        {
            _answerDelay[method ?? "*"] = delay;
        }
    }

    /// <summary>
    /// Calls to <paramref name="method"/> that match <paramref name="which"/> take effect at once (posted and recorded)
    /// but are not answered until <see cref="ReleaseHeldAnswers"/> or <see cref="Clear"/>, or until their client gives
    /// up. Unlike <see cref="SlowAnswer"/> no timing decides it: while held, the client cannot have heard back.
    /// </summary>
    public void HoldAnswers(string method, Func<SlackCall, bool>? which = null)
    {
        lock (_gate)
        {
            _holds.Add((method, which ?? (_ => true)));
        }
    }

    /// <summary>The held calls whose client is still waiting for the answer, oldest first.</summary>
    public IReadOnlyList<SlackCall> HeldAnswers
    {
        get
        {
            lock (_gate)
            {
                return [.. _held];
            }
        }
    }

    /// <summary>Answers every held call and holds no more.</summary>
    public void ReleaseHeldAnswers()
    {
        TaskCompletionSource release;
        lock (_gate)
        {
            _holds.Clear();
            release = _release;
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        release.TrySetResult();
    }

    /// <summary>Each call fails by chance, drawn from a seeded generator so a failing run can be replayed.</summary>
    public void Randomly(int seed, double rateLimitRate = 0, double serverErrorRate = 0, string? method = null, int retryAfterSeconds = 1)
    {
        lock (_gate)
        {
            _random = new RandomFaults(new Random(seed), rateLimitRate, serverErrorRate, method, retryAfterSeconds);
        }
    }

    /// <summary>chat.postMessage answers 429 when the same channel got a bot message less than a second ago (harness clock).</summary>
    public bool OneMessagePerSecondPerChannel
    {
        get
        {
            lock (_world.Gate)
            {
                return _world.OneMessagePerSecondPerChannel;
            }
        }
        set
        {
            lock (_world.Gate)
            {
                _world.OneMessagePerSecondPerChannel = value;
            }
        }
    }

    public void Clear()
    {
        ReleaseHeldAnswers();
        lock (_gate)
        {
            _scripted.Clear();
            _latency.Clear();
            _answerDelay.Clear();
            _random = null;
        }

        OneMessagePerSecondPerChannel = false;
    }

    internal TimeSpan LatencyFor(string method)
    {
        lock (_gate)
        {
            return _latency.GetValueOrDefault(method, _latency.GetValueOrDefault("*"));
        }
    }

    internal TimeSpan AnswerDelayFor(string method)
    {
        lock (_gate)
        {
            return _answerDelay.GetValueOrDefault(method, _answerDelay.GetValueOrDefault("*"));
        }
    }

    /// <summary>Waits while <paramref name="call"/> is to be held (see <see cref="HoldAnswers"/>); returns at once otherwise.</summary>
    internal async Task WaitWhileHeldAsync(SlackCall call, CancellationToken clientGone)
    {
        Task released;
        lock (_gate)
        {
            if (!_holds.Exists(hold => hold.Method == call.Method && hold.Which(call)))
            {
                return;
            }

            _held.Add(call);
            released = _release.Task;
        }

        try
        {
            await released.WaitAsync(clientGone);
        }
        finally
        {
            lock (_gate)
            {
                _held.Remove(call);
            }
        }
    }

    internal InjectedFault? NextFault(string method)
    {
        lock (_gate)
        {
            var scripted = _scripted.Find(f => f.Remaining > 0 && (f.Method is null || f.Method == method));
            if (scripted is not null)
            {
                scripted.Remaining--;
                return scripted.Fault;
            }

            if (_random is { } random && (random.Method is null || random.Method == method))
            {
                var draw = random.Generator.NextDouble();
                if (draw < random.RateLimitRate)
                {
                    return new InjectedFault(429, random.RetryAfterSeconds);
                }

                if (draw < random.RateLimitRate + random.ServerErrorRate)
                {
                    return new InjectedFault(503, null);
                }
            }

            return null;
        }
    }

    private void Script(string? method, int times, InjectedFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _scripted.Add(new ScriptedFault(method, fault) { Remaining = times });
        }
    }

    internal sealed record InjectedFault(int StatusCode, int? RetryAfterSeconds);

    private sealed record ScriptedFault(string? Method, InjectedFault Fault)
    {
        public int Remaining { get; set; }
    }

    private sealed record RandomFaults(Random Generator, double RateLimitRate, double ServerErrorRate, string? Method, int RetryAfterSeconds);
}
