using System.Globalization;
using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Slack.State;

/// <summary>
/// Everything FakeSlack knows: workspaces, people, channels, messages, views, issued trigger_ids and URLs.
/// One lock (<see cref="Gate"/>) guards all of it; the Web API handlers and the test's queries take it.
/// </summary>
internal sealed class SlackWorld(TimeProvider clock, string appId, string clientId, string clientSecret)
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // Seeded so that generated block_ids, hashes and trigger ids repeat from run to run.
    private readonly Random _random = new(20251117);
    private long _sequence;
    private long _lastTsMicros;

    public Lock Gate { get; } = new();
    public TimeProvider Clock => clock;
    public string AppId => appId;
    public string ClientId => clientId;
    public string ClientSecret => clientSecret;
    public DateTimeOffset Now => clock.GetUtcNow();

    public Dictionary<string, WorkspaceRecord> Workspaces { get; } = new(StringComparer.Ordinal);
    public HashSet<string> AppTokens { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, UserRecord> Users { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ChannelRecord> Channels { get; } = new(StringComparer.Ordinal);
    public List<MessageRecord> Ephemerals { get; } = [];
    public Dictionary<string, ViewRecord> Views { get; } = new(StringComparer.Ordinal);

    /// <summary>Per person, the modal stack (bottom first); Slack allows three views on it.</summary>
    public Dictionary<string, List<string>> ModalStacks { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> LastOpenedViewIds { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> HomeViewIds { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TriggerRecord> Triggers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ResponseUrlRecord> ResponseUrls { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, OAuthCodeRecord> OAuthCodes { get; } = new(StringComparer.Ordinal);
    public HashSet<string> SocketTickets { get; } = new(StringComparer.Ordinal);

    public bool OneMessagePerSecondPerChannel { get; set; }

    /// <summary>The ephemeral message <paramref name="userId"/> still sees in a conversation, by its ts.</summary>
    public MessageRecord? FindEphemeral(string channelId, string ts, string userId) =>
        Ephemerals.Find(m => m.ChannelId == channelId && m.Ts == ts && m.VisibleTo == userId && !m.Deleted);

    /// <summary>Forgets every workspace, person, conversation, view and credential handed out; the app tokens stay.</summary>
    public void Clear()
    {
        Workspaces.Clear();
        Users.Clear();
        Channels.Clear();
        Ephemerals.Clear();
        Views.Clear();
        ModalStacks.Clear();
        LastOpenedViewIds.Clear();
        HomeViewIds.Clear();
        Triggers.Clear();
        ResponseUrls.Clear();
        OAuthCodes.Clear();
        SocketTickets.Clear();
        // A reset also takes the clock back: new messages get timestamps from now again, not after the old ones.
        _lastTsMicros = 0;
    }

    public WorkspaceRecord? WorkspaceByToken(string token) =>
        Workspaces.Values.FirstOrDefault(w => w.BotToken == token);

    public string NextId(string prefix) => $"{prefix}{++_sequence:X9}";

    /// <summary>Slack message timestamps: seconds and microseconds from the clock, strictly increasing.</summary>
    public string NextTs()
    {
        var nowMicros = (Now - DateTimeOffset.UnixEpoch).Ticks / 10;
        _lastTsMicros = Math.Max(_lastTsMicros + 1, nowMicros);
        return string.Create(CultureInfo.InvariantCulture, $"{_lastTsMicros / 1_000_000}.{_lastTsMicros % 1_000_000:D6}");
    }

    public string NewHash() => $"{Now.ToUnixTimeSeconds()}.{RandomToken(8)}";

    /// <summary>Shaped like Slack's: "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c".</summary>
    public string NewTriggerId() =>
        $"{++_sequence}.{_random.NextInt64(10_000_000_000, 99_999_999_999)}.{Convert.ToHexStringLower(RandomBytes(16))}";

    public string RandomToken(int length) => string.Create(length, _random, (span, random) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = IdAlphabet[random.Next(IdAlphabet.Length)];
        }
    });

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Slack fills in a block_id for every block, and an action_id for every element, the app left without.</summary>
    public void AssignMissingIds(JsonArray blocks)
    {
        foreach (var block in blocks.OfType<JsonObject>())
        {
            block["block_id"] ??= RandomToken(5);
            var elements = block["elements"] is JsonArray list ? list.OfType<JsonObject>() : [];
            foreach (var element in elements.Concat(new[] { block["accessory"], block["element"] }.OfType<JsonObject>()))
            {
                if (element["type"]?.GetValue<string>() is { } type && type != "image" && block["type"]?.GetValue<string>() != "context")
                {
                    element["action_id"] ??= RandomToken(5);
                }
            }
        }
    }

    public UserRecord? FindUser(WorkspaceRecord workspace, string? userId) =>
        userId is not null && Users.TryGetValue(userId, out var user) && user.TeamId == workspace.TeamId ? user : null;

    public ChannelRecord? FindChannel(WorkspaceRecord workspace, string? channelId) =>
        channelId is not null && Channels.TryGetValue(channelId, out var channel) && channel.TeamId == workspace.TeamId ? channel : null;

    /// <summary>Where chat.* may write: a channel id, or a person's id meaning the app's DM with them.</summary>
    public ChannelRecord? ResolveConversation(WorkspaceRecord workspace, string? id) =>
        FindChannel(workspace, id) ?? (FindUser(workspace, id) is { IsBot: false, Deleted: false } user ? ImWith(workspace, user) : null);

    public ChannelRecord ImWith(WorkspaceRecord workspace, UserRecord user)
    {
        var existing = Channels.Values.FirstOrDefault(c => c.TeamId == workspace.TeamId && c.ImUserId == user.Id);
        if (existing is not null)
        {
            return existing;
        }

        var im = new ChannelRecord
        {
            Id = NextId("D"),
            TeamId = workspace.TeamId,
            Name = user.Id,
            ImUserId = user.Id,
            IsPrivate = true,
            BotIsMember = true,
            Created = Now.ToUnixTimeSeconds(),
        };
        im.Members.Add(user.Id);
        im.Members.Add(workspace.BotUserId);
        Channels[im.Id] = im;
        return im;
    }

    public MessageRecord Post(ChannelRecord channel, string? userId, string? botId, string text, JsonArray? blocks, JsonObject? metadata, string? threadTs)
    {
        if (blocks is not null)
        {
            AssignMissingIds(blocks);
        }

        var message = new MessageRecord
        {
            ChannelId = channel.Id,
            TeamId = channel.TeamId,
            Ts = NextTs(),
            ThreadTs = threadTs,
            UserId = userId,
            BotId = botId,
            AppId = botId is null ? null : AppId,
            Text = text,
            Blocks = blocks,
            Metadata = metadata,
        };
        channel.Messages.Add(message);
        return message;
    }

    /// <summary>The thread's replies (not the parent), oldest first.</summary>
    public static List<MessageRecord> RepliesOf(ChannelRecord channel, string threadTs) =>
        channel.Messages.Where(m => !m.Deleted && m.ThreadTs == threadTs && m.Ts != threadTs).ToList();

    public ViewRecord? ModalOnTop(string userId) =>
        ModalStacks.TryGetValue(userId, out var stack) && stack.Count > 0 ? Views[stack[^1]] : null;
}
