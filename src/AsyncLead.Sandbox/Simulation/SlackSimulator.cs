using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Sandbox.Slack.SocketMode;

namespace AsyncLead.Sandbox.Simulation;

/// <summary>
/// Sends requests to the bot exactly as Slack does: v0-signed with a timestamp from <see cref="Clock"/>, slash
/// commands form-encoded, interactivity as one <c>payload=</c> field, events as JSON. Trigger ids and
/// response_urls it hands out are real ones from <see cref="FakeSlack"/>, so what the bot does with them is
/// checked there. Use <see cref="User"/> for story-like tests; the raw methods are for negative and fuzz tests.
/// </summary>
public sealed class SlackSimulator
{
    public const string CommandsPath = "/slack/commands";
    public const string InteractionsPath = "/slack/interactions";
    public const string EventsPath = "/slack/events";

    public const string FormContentType = "application/x-www-form-urlencoded";
    public const string JsonContentType = "application/json";

    private readonly IBotTransport _transport;

    /// <param name="slack">The fake Slack the bot talks back to.</param>
    /// <param name="bot">A client whose BaseAddress is the bot (e.g. from WebApplicationFactory).</param>
    /// <param name="signingSecret">The bot's <c>Slack__SigningSecret</c>.</param>
    /// <param name="clock">Signing timestamps and payload times; defaults to FakeSlack's clock, so a test's clock stays consistent with the bot's.</param>
    public SlackSimulator(FakeSlack slack, HttpClient bot, string signingSecret, TimeProvider? clock = null)
        : this(slack, new HttpBotTransport(bot, signingSecret, clock ?? slack.Clock), clock)
    {
    }

    private SlackSimulator(FakeSlack slack, IBotTransport transport, TimeProvider? clock)
    {
        Slack = slack;
        _transport = transport;
        Clock = clock ?? slack.Clock;
    }

    /// <summary>
    /// A simulator that delivers over a Socket Mode connection the bot opened: the same payloads as envelopes,
    /// with each ack's payload read back as the response body.
    /// </summary>
    public static SlackSimulator OverSocketMode(FakeSlack slack, SocketModeConnection connection, TimeProvider? clock = null) =>
        new(slack, new SocketModeBotTransport(connection), clock);

    public FakeSlack Slack { get; }
    public TimeProvider Clock { get; }

    /// <summary>A person acting in Slack; <paramref name="channelId"/> is where their commands run (default: their DM with the app).</summary>
    public SlackUser User(string userId, string? channelId = null) => new(this, userId, channelId ?? userId);

    // ---- Slash commands ----------------------------------------------------------------------------------

    /// <summary>
    /// The slash command form as Slack posts it (CONTRACT.md §3), with a fresh trigger_id and a response_url
    /// that FakeSlack records.
    /// </summary>
    public Task<SlackResponse> SendCommandAsync(string userId, string channelId, string command, string text = "")
    {
        var (workspace, userName) = Slack.Person(userId);
        var (id, name) = Slack.Conversation(channelId);
        var fields = new (string, string)[]
        {
            ("token", Slack.VerificationToken),
            ("team_id", workspace.TeamId),
            ("team_domain", workspace.Domain),
            ("channel_id", id),
            ("channel_name", name),
            ("user_id", userId),
            ("user_name", userName),
            ("command", command),
            ("text", text),
            ("api_app_id", Slack.AppId),
            ("is_enterprise_install", IsOrgWide(workspace) ? "true" : "false"),
            ("response_url", Slack.IssueResponseUrl(userId, id).ToString()),
            ("trigger_id", Slack.IssueTriggerId(userId)),
        };
        if (workspace.EnterpriseId is { } enterprise)
        {
            fields = [.. fields, ("enterprise_id", enterprise), ("enterprise_name", $"Org {enterprise}")];
        }

        return _transport.SendCommandAsync(fields);
    }

    /// <summary>Slack's unsigned probe of the command URL: <c>token=…&amp;ssl_check=1</c>.</summary>
    public Task<SlackResponse> SendSslCheckAsync() =>
        PostAsync(CommandsPath, HttpBotTransport.FormEncode([("token", Slack.VerificationToken), ("ssl_check", "1")]), FormContentType);

    // ---- Interactivity -----------------------------------------------------------------------------------

    /// <summary>Any interactivity payload: over HTTP form-encoded as the single <c>payload</c> field and signed.</summary>
    public Task<SlackResponse> SendInteractionAsync(JsonObject payload) => _transport.SendInteractionAsync(payload);

    internal async Task<SlackResponse> ActAsync(string userId, FakeMessage message, string actionId, bool entered, object? value)
    {
        if (message.VisibleTo is { } reader && reader != userId)
        {
            throw new InvalidOperationException($"Only {reader} sees message {message.Ts}; {userId} cannot press anything in it.");
        }

        var (workspace, userName) = Slack.Person(userId);
        var (channelId, channelName) = Slack.Conversation(message.Channel);
        var messageJson = Slack.MessageJson(message);
        var (block, element) = ViewForm.FindAction(messageJson["blocks"] as JsonArray ?? [], actionId);
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = UserObject(workspace, userId, userName),
            ["api_app_id"] = Slack.AppId,
            ["token"] = Slack.VerificationToken,
            ["container"] = new JsonObject
            {
                ["type"] = "message",
                ["message_ts"] = message.Ts,
                ["channel_id"] = channelId,
                ["is_ephemeral"] = message.VisibleTo is not null,
            },
            ["trigger_id"] = Slack.IssueTriggerId(userId),
            ["team"] = TeamObject(workspace),
            ["enterprise"] = EnterpriseObject(workspace),
            ["is_enterprise_install"] = IsOrgWide(workspace),
            ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = channelName },
            ["message"] = messageJson,
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["response_url"] = Slack.IssueResponseUrl(userId, channelId, message.Ts).ToString(),
            ["actions"] = new JsonArray(Action(block, element, entered, value)),
        };
        return await SendInteractionAsync(payload);
    }

    /// <summary>
    /// A click on a button in what a slash command answered (shown to the person only): Slack sends it as an ephemeral
    /// message's block_actions, with the answer as the message and a fresh response_url.
    /// </summary>
    internal async Task<SlackResponse> ActOnAnswerAsync(string userId, string channelId, SlackResponse answer, string actionId)
    {
        var (workspace, userName) = Slack.Person(userId);
        var (id, channelName) = Slack.Conversation(channelId);
        var blocks = answer.Json?["blocks"]?.DeepClone() as JsonArray ?? [];
        // Slack gives every block without a block_id one of its own when it shows the message.
        foreach (var (shown, index) in blocks.OfType<JsonObject>().Select((b, i) => (b, i)))
        {
            shown["block_id"] ??= $"answer-{index}";
        }

        var (block, element) = ViewForm.FindAction(blocks, actionId);
        // Unique, as a shown message's ts is: its response_url's replace_original must never hit a message in the channel.
        var ts = Slack.NextTs();
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = UserObject(workspace, userId, userName),
            ["api_app_id"] = Slack.AppId,
            ["token"] = Slack.VerificationToken,
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = id, ["is_ephemeral"] = true },
            ["trigger_id"] = Slack.IssueTriggerId(userId),
            ["team"] = TeamObject(workspace),
            ["enterprise"] = EnterpriseObject(workspace),
            ["is_enterprise_install"] = IsOrgWide(workspace),
            ["channel"] = new JsonObject { ["id"] = id, ["name"] = channelName },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = ts, ["text"] = answer.Json?["text"]?.DeepClone(), ["blocks"] = blocks },
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["response_url"] = Slack.IssueResponseUrl(userId, id, ts).ToString(),
            ["actions"] = new JsonArray(Action(block, element, entered: false, value: null)),
        };
        return await SendInteractionAsync(payload);
    }

    /// <param name="form">What the person has entered in the view's inputs so far (Slack sends it as the view's state); by default
    /// only what <paramref name="value"/> puts in the input the element sits in, if it does.</param>
    internal async Task<SlackResponse> ActAsync(string userId, FakeView view, string actionId, bool entered, object? value,
        IReadOnlyList<(string Field, object? Value)>? form = null)
    {
        var (workspace, userName) = Slack.Person(userId);
        var (block, element) = ViewForm.FindAction(view.Blocks, actionId);
        form ??= entered && block["type"]?.GetValue<string>() == "input" ? [(block["block_id"]!.GetValue<string>(), value)] : [];
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = UserObject(workspace, userId, userName),
            ["api_app_id"] = Slack.AppId,
            ["token"] = Slack.VerificationToken,
            ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = view.Id },
            ["trigger_id"] = Slack.IssueTriggerId(userId),
            ["team"] = TeamObject(workspace),
            ["enterprise"] = EnterpriseObject(workspace),
            ["is_enterprise_install"] = IsOrgWide(workspace),
            ["view"] = ViewWithState(view, ViewForm.StateValues(view, form, submitting: false)),
            ["actions"] = new JsonArray(Action(block, element, entered, value)),
        };
        return await SendInteractionAsync(payload);
    }

    /// <summary>
    /// Submits <paramref name="view"/> as the person filled it in, then applies the bot's ack to the modal stack
    /// in FakeSlack the way Slack would (close, clear, update, push, or show errors).
    /// </summary>
    internal async Task<SlackResponse> SubmitViewAsync(string userId, FakeView view, IReadOnlyList<(string Field, object? Value)> entries)
    {
        var (workspace, userName) = Slack.Person(userId);
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = TeamObject(workspace),
            ["user"] = UserObject(workspace, userId, userName),
            ["api_app_id"] = Slack.AppId,
            ["token"] = Slack.VerificationToken,
            ["trigger_id"] = Slack.IssueTriggerId(userId),
            ["view"] = ViewWithState(view, ViewForm.StateValues(view, entries, submitting: true)),
            ["response_urls"] = new JsonArray(),
            ["is_enterprise_install"] = IsOrgWide(workspace),
            ["enterprise"] = EnterpriseObject(workspace),
        };
        var response = await SendInteractionAsync(payload);
        if (response.Status == HttpStatusCode.OK)
        {
            var problems = Slack.AfterViewSubmission(userId, view.Id, response.Json as JsonObject);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"Slack would show the person an error for the bot's view_submission ack {response.Body}: {string.Join("; ", problems)}");
            }
        }

        return response;
    }

    /// <summary>The person closes the modal; Slack tells the app only when the view asked (notify_on_close).</summary>
    internal async Task<SlackResponse?> CloseViewAsync(string userId, FakeView view)
    {
        Slack.CloseModal(userId, view.Id);
        if (view.Json["notify_on_close"]?.GetValue<bool>() != true)
        {
            return null;
        }

        var (workspace, userName) = Slack.Person(userId);
        return await SendInteractionAsync(new JsonObject
        {
            ["type"] = "view_closed",
            ["team"] = TeamObject(workspace),
            ["user"] = UserObject(workspace, userId, userName),
            ["api_app_id"] = Slack.AppId,
            ["token"] = Slack.VerificationToken,
            ["view"] = ViewWithState(view, ViewForm.StateValues(view, [], submitting: false)),
            ["is_cleared"] = false,
            ["is_enterprise_install"] = IsOrgWide(workspace),
            ["enterprise"] = EnterpriseObject(workspace),
        });
    }

    internal Task<SlackResponse> UseShortcutAsync(string userId, string callbackId)
    {
        var (workspace, userName) = Slack.Person(userId);
        return SendInteractionAsync(new JsonObject
        {
            ["type"] = "shortcut",
            ["token"] = Slack.VerificationToken,
            ["action_ts"] = SlackTs(),
            ["team"] = TeamObject(workspace),
            ["user"] = UserObject(workspace, userId, userName),
            ["is_enterprise_install"] = IsOrgWide(workspace),
            ["enterprise"] = EnterpriseObject(workspace),
            ["callback_id"] = callbackId,
            ["trigger_id"] = Slack.IssueTriggerId(userId),
        });
    }

    internal async Task<SlackResponse> UseMessageShortcutAsync(string userId, FakeMessage message, string callbackId)
    {
        var (workspace, userName) = Slack.Person(userId);
        var (channelId, channelName) = Slack.Conversation(message.Channel);
        return await SendInteractionAsync(new JsonObject
        {
            ["type"] = "message_action",
            ["token"] = Slack.VerificationToken,
            ["action_ts"] = SlackTs(),
            ["team"] = TeamObject(workspace),
            ["user"] = UserObject(workspace, userId, userName),
            ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = channelName },
            ["is_enterprise_install"] = IsOrgWide(workspace),
            ["enterprise"] = EnterpriseObject(workspace),
            ["callback_id"] = callbackId,
            ["trigger_id"] = Slack.IssueTriggerId(userId),
            ["response_url"] = Slack.IssueResponseUrl(userId, channelId, message.Ts).ToString(),
            ["message_ts"] = message.Ts,
            ["message"] = Slack.MessageJson(message),
        });
    }

    // ---- Events API --------------------------------------------------------------------------------------

    /// <summary>
    /// Wraps an event in Slack's <c>event_callback</c> envelope (event_id, event_time, authorizations for the bot).
    /// Keep the result to redeliver it: retries carry the same event_id.
    /// </summary>
    public JsonObject EventCallback(JsonObject @event, string? teamId = null)
    {
        var workspace = Slack.Workspace(teamId);
        var body = @event.DeepClone().AsObject();
        body["event_ts"] ??= SlackTs();
        return new JsonObject
        {
            ["token"] = Slack.VerificationToken,
            ["team_id"] = workspace.TeamId,
            ["context_team_id"] = workspace.TeamId,
            ["context_enterprise_id"] = workspace.EnterpriseId,
            ["api_app_id"] = Slack.AppId,
            ["event"] = body,
            ["type"] = "event_callback",
            ["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            ["event_time"] = Clock.GetUtcNow().ToUnixTimeSeconds(),
            ["authorizations"] = new JsonArray(new JsonObject
            {
                ["enterprise_id"] = workspace.EnterpriseId,
                ["team_id"] = workspace.TeamId,
                ["user_id"] = workspace.BotUserId,
                ["is_bot"] = true,
                ["is_enterprise_install"] = IsOrgWide(workspace),
            }),
            ["is_ext_shared_channel"] = false,
            ["event_context"] = "4-" + Convert.ToBase64String(Encoding.UTF8.GetBytes(workspace.TeamId)),
        };
    }

    /// <summary>Delivers an event callback; <paramref name="retryNum"/> &gt; 0 marks a redelivery (X-Slack-Retry-Num/Reason, or retry_attempt/retry_reason).</summary>
    public Task<SlackResponse> SendEventAsync(JsonObject eventCallback, int retryNum = 0, string retryReason = "http_timeout") =>
        _transport.SendEventAsync(eventCallback, retryNum, retryReason);

    /// <summary>The handshake Slack sends when the Events URL is saved; the bot must echo the challenge.</summary>
    public Task<SlackResponse> SendUrlVerificationAsync(string challenge) =>
        PostSignedAsync(EventsPath, new JsonObject
        {
            ["token"] = Slack.VerificationToken,
            ["challenge"] = challenge,
            ["type"] = "url_verification",
        }.ToJsonString(), JsonContentType);

    // ---- Raw --------------------------------------------------------------------------------------------

    /// <summary>Posts any body, signed as Slack would sign it at <paramref name="signedAt"/> (default: now on <see cref="Clock"/>).</summary>
    public Task<SlackResponse> PostSignedAsync(string path, string body, string contentType, DateTimeOffset? signedAt = null, IReadOnlyDictionary<string, string>? headers = null) =>
        Http.PostSignedAsync(path, body, contentType, signedAt, headers);

    /// <summary>Posts any body with exactly the given headers (no signature unless you add one): for tampering tests.</summary>
    public Task<SlackResponse> PostAsync(string path, string body, string contentType, IReadOnlyDictionary<string, string>? headers = null) =>
        Http.PostAsync(path, body, contentType, headers);

    private HttpBotTransport Http => _transport as HttpBotTransport
        ?? throw new InvalidOperationException("Raw HTTP sends, url_verification and ssl_check exist only for a simulator that delivers over HTTP.");

    private string SlackTs()
    {
        var micros = (Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        return string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6}");
    }

    private JsonObject Action(JsonObject block, JsonObject element, bool entered, object? value)
    {
        var type = ElementValues.Type(element);
        var action = type == "button"
            ? new JsonObject { ["type"] = "button", ["text"] = element["text"]?.DeepClone() }
            : ElementValues.StateValue(element, entered, value);
        if (type == "button" && element["value"] is { } buttonValue)
        {
            action["value"] = buttonValue.DeepClone();
        }

        action["action_id"] = element["action_id"]!.DeepClone();
        action["block_id"] = block["block_id"]!.DeepClone();
        action["action_ts"] = SlackTs();
        return action;
    }

    private static JsonObject ViewWithState(FakeView view, JsonObject values)
    {
        var json = view.Json.DeepClone().AsObject();
        json["state"] = new JsonObject { ["values"] = values };
        return json;
    }

    private static JsonObject UserObject(FakeWorkspace workspace, string userId, string userName) => new()
    {
        ["id"] = userId,
        ["username"] = userName,
        ["name"] = userName,
        ["team_id"] = workspace.TeamId,
    };

    private static bool IsOrgWide(FakeWorkspace workspace) => workspace.EnterpriseId is not null;

    private static JsonObject? EnterpriseObject(FakeWorkspace workspace) =>
        workspace.EnterpriseId is { } id ? new JsonObject { ["id"] = id, ["name"] = $"Org {id}" } : null;

    private static JsonObject TeamObject(FakeWorkspace workspace) => new() { ["id"] = workspace.TeamId, ["domain"] = workspace.Domain };
}
