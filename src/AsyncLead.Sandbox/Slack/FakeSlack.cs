using System.Net;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack.SocketMode;
using AsyncLead.Sandbox.Slack.State;
using AsyncLead.Sandbox.Slack.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AsyncLead.Sandbox.Slack;

/// <summary>
/// Slack's side of the wire: the Web API under <see cref="ApiBaseUrl"/> (point <c>Slack__ApiBaseUrl</c> at it),
/// response_url endpoints, and Socket Mode WebSockets. It keeps the workspace's state (people, channels, messages,
/// views), enforces Slack's rules from CONTRACT.md, records every call, and can be told to misbehave
/// (<see cref="Faults"/>). It shares no code with our adapter. Tests start it as its own server on 127.0.0.1
/// (<see cref="StartAsync"/>); the sandbox maps it into the bot's own app under a prefix (<see cref="Create"/>,
/// <see cref="MapEndpoints"/>).
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private readonly SlackWorld _world;
    private readonly CallLog<SlackCall> _calls = new();
    private readonly CallLog<ResponseUrlPost> _responseUrlPosts = new();
    private readonly CallLog<SocketModeConnection> _connections = new();
    private readonly CallLog<SocketModeAck> _acks = new();
    private readonly CancellationTokenSource _stopping = new();
    private Uri? _baseAddress;
    private WebApplication? _ownServer;

    private FakeSlack(TimeProvider clock, Uri? baseAddress)
    {
        _world = new SlackWorld(clock, appId: "A0ASYNCLEAD", clientId: "1111111111.2222222222", clientSecret: "harness-client-secret");
        Faults = new FakeSlackFaults(_world);
        _baseAddress = baseAddress;
        _world.AppTokens.Add(AppToken);
    }

    /// <summary>Starts its own server on a free loopback port. <paramref name="clock"/> drives ts values, trigger expiry and rate windows.</summary>
    public static async Task<FakeSlack> StartAsync(TimeProvider? clock = null)
    {
        var slack = new FakeSlack(clock ?? TimeProvider.System, baseAddress: null);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.UseWebSockets();
        slack.MapEndpoints(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        slack._baseAddress = new Uri(address.TrimEnd('/') + "/");
        slack._ownServer = app;
        return slack;
    }

    /// <summary>
    /// A FakeSlack without a server of its own, to be mapped into another app with <see cref="MapEndpoints"/>;
    /// <paramref name="baseAddress"/> is where that app serves it (e.g. <c>http://127.0.0.1:3000/sandbox/</c>).
    /// </summary>
    public static FakeSlack Create(TimeProvider clock, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return new FakeSlack(clock, new Uri(baseAddress.ToString().TrimEnd('/') + "/"));
    }

    /// <summary>
    /// Maps <c>api/{method}</c>, <c>response_url/{id}</c> and <c>link/</c> (Socket Mode; needs <c>UseWebSockets</c>)
    /// onto <paramref name="routes"/>, e.g. <c>app.MapGroup("/sandbox")</c>, matching <see cref="BaseAddress"/>.
    /// </summary>
    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Map("/api/{method}", new WebApiEndpoint(_world, Faults, _calls, () => BaseAddress).HandleAsync);
        routes.MapPost("/response_url/{id}", new ResponseUrlEndpoint(_world, _responseUrlPosts).HandleAsync);
        routes.Map("/link/", new SocketModeEndpoint(_world, _connections, _acks, _stopping.Token).HandleAsync);
    }

    /// <summary><c>http://127.0.0.1:{port}/</c> standalone; the address given to <see cref="Create"/> when mapped into another app.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("FakeSlack is not started yet.");

    /// <summary>The value for <c>Slack__ApiBaseUrl</c>: <c>{BaseAddress}api/</c>.</summary>
    public string ApiBaseUrl => new Uri(BaseAddress, "api/").ToString();

    public TimeProvider Clock => _world.Clock;
    public string AppId => _world.AppId;

    /// <summary>The app-level token (Socket Mode) FakeSlack accepts on apps.connections.open.</summary>
    public string AppToken { get; } = "xapp-1-A0ASYNCLEAD-1-harness";

    public string ClientId => _world.ClientId;
    public string ClientSecret => _world.ClientSecret;

    /// <summary>The deprecated verification token Slack still puts in payloads' <c>token</c> field.</summary>
    public string VerificationToken { get; } = "harnessVerificationToken";

    public FakeSlackFaults Faults { get; }

    // ---- Setting the scene -------------------------------------------------------------------------------

    /// <summary>What an install grants unless told otherwise: the app's required bot scopes, without the optional <c>dnd:read</c>.</summary>
    public static IReadOnlyList<string> DefaultScopes { get; } =
        ["commands", "chat:write", "im:write", "users:read", "channels:read", "groups:read", "channels:history", "groups:history", "im:history"];

    /// <summary>
    /// A workspace with the app installed; <paramref name="botToken"/> acts in this workspace only. With
    /// <paramref name="orgWideEnterpriseId"/> the install is org-wide (Enterprise Grid): requests from the workspace
    /// carry the enterprise and <c>is_enterprise_install</c>, and OAuth grants for it are org-wide.
    /// </summary>
    /// <remarks>
    /// The install grants <paramref name="scopes"/>, by default <see cref="DefaultScopes"/>; methods that need another
    /// (<c>dnd.*</c> needs <c>dnd:read</c>) answer <c>missing_scope</c>.
    /// </remarks>
    public FakeSlack AddWorkspace(string teamId, string botToken, string? name = null, string? domain = null, string? botUserId = null,
        string? orgWideEnterpriseId = null, IEnumerable<string>? scopes = null)
    {
        lock (_world.Gate)
        {
            var workspace = new WorkspaceRecord
            {
                TeamId = teamId,
                Name = name ?? $"Team {teamId}",
                Domain = domain ?? teamId.ToLowerInvariant(),
                BotToken = botToken,
                BotUserId = botUserId ?? $"U0BOT{teamId}",
                BotId = $"B0BOT{teamId}",
                EnterpriseId = orgWideEnterpriseId,
                Scopes = [.. scopes ?? DefaultScopes],
            };
            _world.Workspaces.Add(teamId, workspace);
            _world.Users.Add(workspace.BotUserId, new UserRecord
            {
                Id = workspace.BotUserId,
                TeamId = teamId,
                Name = "asynclead",
                RealName = "AsyncLead",
                TimeZone = "America/Los_Angeles",
                IsBot = true,
            });
        }

        return this;
    }

    /// <summary>A person (or, with <paramref name="isBot"/>, another bot) with an IANA time zone.</summary>
    public FakeSlack AddUser(string id, string name, string tz = "America/Los_Angeles", string? realName = null, bool isBot = false, bool deleted = false, string? teamId = null,
        bool isAdmin = false)
    {
        TimeZoneInfo.FindSystemTimeZoneById(tz);
        lock (_world.Gate)
        {
            _world.Users.Add(id, new UserRecord
            {
                Id = id,
                TeamId = WorkspaceFor(teamId).TeamId,
                Name = name,
                RealName = realName ?? name,
                TimeZone = tz,
                IsBot = isBot,
                Deleted = deleted,
                IsAdmin = isAdmin,
            });
        }

        return this;
    }

    /// <summary>A channel (<c>C…</c>); private ones (<c>G…</c>-like) are invisible to the bot unless it is a member.</summary>
    public FakeSlack AddChannel(string id, string name, IEnumerable<string>? members = null, bool botIsMember = true, bool isPrivate = false, string? teamId = null)
    {
        lock (_world.Gate)
        {
            var channel = new ChannelRecord
            {
                Id = id,
                TeamId = WorkspaceFor(teamId).TeamId,
                Name = name,
                IsPrivate = isPrivate,
                BotIsMember = botIsMember,
                Created = _world.Now.ToUnixTimeSeconds(),
            };
            channel.Members.UnionWith(members ?? []);
            _world.Channels.Add(id, channel);
        }

        return this;
    }

    /// <summary>
    /// Someone's Slack do-not-disturb: the window dnd.info and dnd.teamInfo name as their next (or current) one; null turns
    /// their DND schedule off.
    /// </summary>
    public FakeSlack SetDnd(string userId, DateTimeOffset? start, DateTimeOffset? end = null)
    {
        lock (_world.Gate)
        {
            _world.Users[userId].Dnd = start is { } from ? (from, end ?? throw new ArgumentNullException(nameof(end))) : null;
        }

        return this;
    }

    /// <summary>Someone sets their Slack custom status (e.g. "Out of office" until a date); empty text and emoji clear it.</summary>
    public FakeSlack SetStatus(string userId, string text, string emoji = "", DateTimeOffset? until = null)
    {
        lock (_world.Gate)
        {
            var user = _world.Users[userId];
            (user.StatusText, user.StatusEmoji, user.StatusExpiration) = (text, emoji, until);
        }

        return this;
    }

    /// <summary>Adds or removes the bot from a channel (e.g. someone kicked it).</summary>
    public FakeSlack SetBotMembership(string channelId, bool isMember)
    {
        lock (_world.Gate)
        {
            _world.Channels[channelId].BotIsMember = isMember;
        }

        return this;
    }

    /// <summary>Someone joins or leaves a channel (Slack's side only; the events that tell the app are the test's to send).</summary>
    public FakeSlack SetChannelMembership(string channelId, string userId, bool isMember)
    {
        lock (_world.Gate)
        {
            var members = _world.Channels[channelId].Members;
            if (isMember)
            {
                members.Add(userId);
            }
            else
            {
                members.Remove(userId);
            }
        }

        return this;
    }

    /// <summary>Someone archived the channel: posting in it answers <c>is_archived</c>.</summary>
    public FakeSlack ArchiveChannel(string channelId)
    {
        lock (_world.Gate)
        {
            _world.Channels[channelId].IsArchived = true;
        }

        return this;
    }

    /// <summary>A person writes in a channel (or in a thread); the bot can later read it back.</summary>
    public FakeMessage AddMessage(string channelId, string userId, string text, string? threadTs = null)
    {
        lock (_world.Gate)
        {
            return _world.Post(ExistingConversation(channelId), userId, botId: null, text, blocks: null, metadata: null, threadTs).ToSnapshot();
        }
    }

    /// <summary>The app was uninstalled or the token rotated: further calls with it answer <c>token_revoked</c>.</summary>
    public void RevokeToken(string botToken)
    {
        lock (_world.Gate)
        {
            _world.WorkspaceByToken(botToken)!.TokenRevoked = true;
        }
    }

    /// <summary>A trigger_id as Slack attaches to an interaction: one views.open/push, within 3 s on <see cref="Clock"/>.</summary>
    public string IssueTriggerId(string userId)
    {
        lock (_world.Gate)
        {
            var user = _world.Users[userId];
            var trigger = new TriggerRecord { Id = _world.NewTriggerId(), TeamId = user.TeamId, UserId = userId, IssuedAt = _world.Now };
            _world.Triggers.Add(trigger.Id, trigger);
            return trigger.Id;
        }
    }

    /// <summary>A message ts no message has yet, e.g. for a command's answer, which Slack shows without recording it.</summary>
    internal string NextTs()
    {
        lock (_world.Gate)
        {
            return _world.NextTs();
        }
    }

    /// <summary>A response_url for an interaction by <paramref name="userId"/> in <paramref name="channelId"/> (optionally from a message).</summary>
    public Uri IssueResponseUrl(string userId, string channelId, string? messageTs = null)
    {
        lock (_world.Gate)
        {
            var record = new ResponseUrlRecord
            {
                Id = _world.RandomToken(24),
                TeamId = _world.Users[userId].TeamId,
                ChannelId = ExistingConversation(channelId).Id,
                UserId = userId,
                MessageTs = messageTs,
                IssuedAt = _world.Now,
            };
            _world.ResponseUrls.Add(record.Id, record);
            return new Uri(BaseAddress, $"response_url/{record.Id}");
        }
    }

    /// <summary>
    /// The <c>code</c> Slack hands to the OAuth redirect after <paramref name="userId"/> approved the install; with
    /// <paramref name="enterpriseId"/> it is an org-wide install (no team in the answer, as Slack does).
    /// </summary>
    public string IssueOAuthCode(string teamId, string userId, string? redirectUri = null, string? enterpriseId = null)
    {
        lock (_world.Gate)
        {
            var code = $"{teamId}.{_world.RandomToken(20)}";
            _world.OAuthCodes.Add(code, new OAuthCodeRecord { Code = code, TeamId = teamId, UserId = userId, RedirectUri = redirectUri, EnterpriseId = enterpriseId });
            return code;
        }
    }

    /// <summary>Back to an empty Slack: no workspaces, people, conversations or views, and no recorded calls (the sandbox's reset).</summary>
    public void Reset()
    {
        lock (_world.Gate)
        {
            _world.Clear();
        }

        _calls.Clear();
        _responseUrlPosts.Clear();
        _acks.Clear();
        NotifyChanged();
    }

    // ---- Looking at what happened --------------------------------------------------------------------------

    public FakeWorkspace Workspace(string? teamId = null)
    {
        lock (_world.Gate)
        {
            return WorkspaceFor(teamId).ToSnapshot();
        }
    }

    /// <summary>Every Web API call so far (or those to one method), oldest first.</summary>
    public IReadOnlyList<SlackCall> Calls(string? method = null) =>
        _calls.Snapshot(method is null ? null : c => c.Method == method);

    /// <summary>The first call to <paramref name="method"/> matching <paramref name="predicate"/>, waiting for it if it has not happened yet.</summary>
    public Task<SlackCall> WaitForCallAsync(string method, Func<SlackCall, bool>? predicate = null, TimeSpan? timeout = null) =>
        _calls.WaitAsync(
            c => c.Method == method && (predicate?.Invoke(c) ?? true),
            timeout ?? DefaultWaitTimeout,
            () => $"No matching {method} call within {(timeout ?? DefaultWaitTimeout).TotalSeconds} s. Calls to it: "
                + string.Join("; ", Calls(method).Select(c => c.Args.ToJsonString() + " -> " + c.Response.ToJsonString())));

    /// <summary>Top-level messages of a channel (a person's id means the app's DM with them), oldest first.</summary>
    public IReadOnlyList<FakeMessage> Messages(string channelOrUserId)
    {
        lock (_world.Gate)
        {
            return ChannelOrDm(channelOrUserId)?.Messages.Where(m => !m.Deleted && !m.IsReply).Select(m => m.ToSnapshot()).ToList() ?? [];
        }
    }

    /// <summary>The replies in a thread (not its parent), oldest first.</summary>
    public IReadOnlyList<FakeMessage> ThreadReplies(string channelId, string threadTs)
    {
        lock (_world.Gate)
        {
            return ChannelOrDm(channelId) is { } channel ? SlackWorld.RepliesOf(channel, threadTs).Select(m => m.ToSnapshot()).ToList() : [];
        }
    }

    /// <summary>Ephemeral messages shown in a channel (optionally to one person), oldest first.</summary>
    public IReadOnlyList<FakeMessage> Ephemerals(string channelId, string? userId = null)
    {
        lock (_world.Gate)
        {
            return _world.Ephemerals
                .Where(m => m.ChannelId == channelId && !m.Deleted && (userId is null || m.VisibleTo == userId))
                .Select(m => m.ToSnapshot())
                .ToList();
        }
    }

    /// <summary>The view most recently opened or pushed for this person, as it stands now (null if none).</summary>
    public FakeView? LastViewOpenedFor(string userId)
    {
        lock (_world.Gate)
        {
            return _world.LastOpenedViewIds.TryGetValue(userId, out var id) ? _world.Views[id].ToSnapshot() : null;
        }
    }

    /// <summary>The modal on top of this person's stack, i.e. what they are looking at (null when no modal is open).</summary>
    public FakeView? OpenModalFor(string userId)
    {
        lock (_world.Gate)
        {
            return _world.ModalOnTop(userId)?.ToSnapshot();
        }
    }

    /// <summary>This person's Home tab as last published (null if never).</summary>
    public FakeView? PublishedHome(string userId)
    {
        lock (_world.Gate)
        {
            return _world.HomeViewIds.TryGetValue(userId, out var id) ? _world.Views[id].ToSnapshot() : null;
        }
    }

    public IReadOnlyList<ResponseUrlPost> ResponseUrlPosts() => _responseUrlPosts.Snapshot();

    /// <summary>
    /// Every broadcast Slack would have sent for what the app posted so far (messages, updates, ephemerals, views,
    /// response_url posts), each as "method: token"; see <see cref="SlackBroadcasts"/>.
    /// </summary>
    public IReadOnlyList<string> Broadcasts() =>
        [
            .. _calls.Snapshot().SelectMany(c => SlackBroadcasts.In(c.Args).Select(token => $"{c.Method}: {token}")),
            .. _responseUrlPosts.Snapshot().SelectMany(p => SlackBroadcasts.In(p.Body).Select(token => $"response_url: {token}")),
        ];

    public Task<ResponseUrlPost> WaitForResponseUrlPostAsync(Func<ResponseUrlPost, bool>? predicate = null, TimeSpan? timeout = null) =>
        _responseUrlPosts.WaitAsync(p => predicate?.Invoke(p) ?? true, timeout ?? DefaultWaitTimeout, () => "No matching response_url post.");

    // ---- Socket Mode ---------------------------------------------------------------------------------------

    /// <summary>The <paramref name="number"/>th Socket Mode connection the app opened (1 = first), waiting for it.</summary>
    public Task<SocketModeConnection> WaitForSocketConnectionAsync(int number = 1, TimeSpan? timeout = null) =>
        _connections.WaitAsync(c => c.Number == number, timeout ?? DefaultWaitTimeout, () => $"The app did not open Socket Mode connection #{number}.");

    public IReadOnlyList<SocketModeAck> SocketModeAcks() => _acks.Snapshot();

    // ---- For the simulator ---------------------------------------------------------------------------------

    internal (FakeWorkspace Workspace, string UserName) Person(string userId)
    {
        lock (_world.Gate)
        {
            var user = _world.Users.TryGetValue(userId, out var found)
                ? found
                : throw new InvalidOperationException($"FakeSlack has no user {userId}; add it with AddUser first.");
            return (_world.Workspaces[user.TeamId].ToSnapshot(), user.Name);
        }
    }

    /// <summary>
    /// The <c>message</c> event Slack sends the app for a person's message (its <c>message.channels</c> and
    /// <c>message.groups</c> subscriptions): only from a channel the bot is in; null otherwise (and for DMs, which would be
    /// <c>message.im</c>).
    /// </summary>
    internal JsonObject? MessageEventFor(FakeMessage message)
    {
        lock (_world.Gate)
        {
            var channel = ExistingConversation(message.Channel);
            if (!channel.BotIsMember || channel.IsIm || channel.IsMpim)
            {
                return null;
            }

            var @event = new JsonObject
            {
                ["type"] = "message",
                ["channel"] = channel.Id,
                ["channel_type"] = channel.IsPrivate ? "group" : "channel",
                ["user"] = message.User,
                ["text"] = message.Text,
                ["ts"] = message.Ts,
                ["event_ts"] = message.Ts,
            };
            if (message.ThreadTs is { } thread)
            {
                @event["thread_ts"] = thread;
            }

            return @event;
        }
    }

    /// <summary>Channel id and name as Slack sends them in payloads; a person's id means the app's DM with them.</summary>
    internal (string Id, string Name) Conversation(string channelOrUserId)
    {
        lock (_world.Gate)
        {
            var channel = ExistingConversation(channelOrUserId);
            return (channel.Id, channel.IsIm ? "directmessage" : channel.IsPrivate ? "privategroup" : channel.Name);
        }
    }

    internal JsonObject MessageJson(FakeMessage message)
    {
        lock (_world.Gate)
        {
            var record = (message.VisibleTo is { } reader ? _world.FindEphemeral(message.Channel, message.Ts, reader) : _world.Channels[message.Channel].Find(message.Ts))
                ?? throw new InvalidOperationException($"Message {message.Ts} is gone from {message.Channel}.");
            return record.ToJson(includeMetadata: false);
        }
    }

    internal FakeView? View(string viewId)
    {
        lock (_world.Gate)
        {
            return _world.Views.TryGetValue(viewId, out var view) ? view.ToSnapshot() : null;
        }
    }

    /// <summary>What Slack does with the modal stack once the app acked a view_submission; problems mean Slack would show an error.</summary>
    internal IReadOnlyList<string> AfterViewSubmission(string userId, string viewId, JsonObject? ack)
    {
        lock (_world.Gate)
        {
            return ModalStack.ApplySubmissionAck(_world, userId, viewId, ack);
        }
    }

    /// <summary>The person closed the modal (the X or Cancel): it goes, or with clear_on_close the whole stack goes.</summary>
    internal void CloseModal(string userId, string viewId)
    {
        lock (_world.Gate)
        {
            ModalStack.Close(_world, userId, viewId);
        }
    }

    private WorkspaceRecord WorkspaceFor(string? teamId)
    {
        if (teamId is not null)
        {
            return _world.Workspaces.TryGetValue(teamId, out var workspace)
                ? workspace
                : throw new InvalidOperationException($"FakeSlack has no workspace {teamId}; add it with AddWorkspace first.");
        }

        return _world.Workspaces.Count == 1
            ? _world.Workspaces.Values.Single()
            : throw new InvalidOperationException("Name the workspace (teamId): FakeSlack has " + (_world.Workspaces.Count == 0 ? "none yet." : "several."));
    }

    private ChannelRecord ExistingConversation(string channelOrUserId) =>
        ChannelOrDm(channelOrUserId, openDm: true) ?? throw new InvalidOperationException($"FakeSlack has no channel or user {channelOrUserId}.");

    private ChannelRecord? ChannelOrDm(string id, bool openDm = false)
    {
        if (_world.Channels.TryGetValue(id, out var channel))
        {
            return channel;
        }

        if (!_world.Users.TryGetValue(id, out var user))
        {
            return null;
        }

        var dm = _world.Channels.Values.FirstOrDefault(c => c.ImUserId == user.Id);
        return dm ?? (openDm ? _world.ImWith(_world.Workspaces[user.TeamId], user) : null);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_ownServer is not null)
        {
            await _ownServer.StopAsync();
            await _ownServer.DisposeAsync();
        }

        _stopping.Dispose();
    }

    // ---- For the sandbox UI ----------------------------------------------------------------------------------

    private readonly Lock _changeGate = new();
    private TaskCompletionSource _nextChange = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Reads the world under its lock, for what the page shows and the public queries do not (conversations, stacks).</summary>
    internal T Read<T>(Func<SlackWorld, T> read)
    {
        lock (_world.Gate)
        {
            return read(_world);
        }
    }

    /// <summary>Changes the world under its lock (a person's own message, Slack's answer to a command) and tells the page.</summary>
    internal T UnderLock<T>(Func<SlackWorld, T> change)
    {
        T result;
        lock (_world.Gate)
        {
            result = change(_world);
        }

        NotifyChanged();
        return result;
    }

    /// <summary>
    /// A message only <paramref name="visibleTo"/> sees, from the bot (<paramref name="fromSlackbot"/> false: a slash
    /// command's ack) or from Slack itself (an unknown command); <paramref name="conversation"/> may be a person's id (their DM).
    /// </summary>
    internal void AddEphemeral(string conversation, string visibleTo, string text, JsonArray? blocks, bool fromSlackbot, string? threadTs)
    {
        UnderLock(world =>
        {
            var channel = ExistingConversation(conversation);
            var team = world.Workspaces[channel.TeamId];
            if (blocks is not null)
            {
                world.AssignMissingIds(blocks);
            }

            world.Ephemerals.Add(new MessageRecord
            {
                ChannelId = channel.Id,
                TeamId = team.TeamId,
                Ts = world.NextTs(),
                ThreadTs = threadTs,
                UserId = fromSlackbot ? SlackbotUserId : team.BotUserId,
                BotId = fromSlackbot ? null : team.BotId,
                AppId = fromSlackbot ? null : world.AppId,
                Text = text,
                Blocks = blocks,
                VisibleTo = visibleTo,
            });
            return true;
        });
    }

    /// <summary>Slack's own user, who answers what no app handles.</summary>
    internal const string SlackbotUserId = "USLACKBOT";

    /// <summary>Something the call logs do not show changed (a modal closed, the clock moved): the page looks again.</summary>
    public void NotifyChanged()
    {
        TaskCompletionSource changed;
        lock (_changeGate)
        {
            changed = _nextChange;
            _nextChange = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>
    /// Completes at the first change after this call (a Web API call, a response_url post, <see cref="NotifyChanged"/>)
    /// or after <paramref name="timeout"/>; true when something changed. What happened before the call is not waited for.
    /// </summary>
    internal async Task<bool> NextChangeAsync(TimeSpan timeout)
    {
        Task notified;
        lock (_changeGate)
        {
            notified = _nextChange.Task;
        }

        var calls = new HashSet<SlackCall>(_calls.Snapshot(), ReferenceEqualityComparer.Instance);
        var posts = new HashSet<ResponseUrlPost>(_responseUrlPosts.Snapshot(), ReferenceEqualityComparer.Instance);
        var timedOut = Task.Delay(timeout);
        var first = await Task.WhenAny(
            notified,
            Quietly(_calls.WaitAsync(c => !calls.Contains(c), timeout, () => "")),
            Quietly(_responseUrlPosts.WaitAsync(p => !posts.Contains(p), timeout, () => "")),
            timedOut).ConfigureAwait(false);
        return first != timedOut && (first == notified || await ((Task<bool>)first).ConfigureAwait(false));
    }

    // A log's wait ends in a TimeoutException when nothing came: that is "no change", not a failure.
    private static async Task<bool> Quietly<T>(Task<T> wait)
    {
        try
        {
            await wait.ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
