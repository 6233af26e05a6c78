using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Sandbox.Slack.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AsyncLead.Sandbox;

/// <summary>
/// The sandbox's page and what it calls: <c>""</c> (the page), <c>app.js</c>, <c>app.css</c>, <c>ui/state</c> (everything
/// the acting person sees, as JSON), <c>ui/events</c> (server-sent "change" events) and the actions under <c>ui/</c>. Every
/// action goes to the bot as Slack would send it (<see cref="SlackSimulator"/>) or to the sandbox's own controls; bad input
/// gets Slack's answer or a 4xx with a sentence, never a 500.
/// </summary>
public sealed class SandboxUiEndpoints
{
    /// <summary>
    /// The app's slash commands as its manifest declares them (deploy/slack-app-manifest.yml; a test keeps the two
    /// equal). Slack answers any other command itself and never sends it to the app.
    /// </summary>
    public static readonly IReadOnlyList<string> AppCommands = ["/decision", "/weekly-update"];

    private const string JsonType = "application/json; charset=utf-8";

    // No inline script or style anywhere: the page's text comes from the bot and is only ever set as text.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
        + "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    // Work that lands in bursts (a submission: views.update, chat.postMessage, chat.update…) becomes one refresh.
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(40);

    private static readonly IReadOnlyDictionary<string, StaticFile> Files = LoadFiles();

    private readonly FakeSlack _slack;
    private readonly SlackSimulator _simulator;
    private readonly ISandboxControls _controls;

    public SandboxUiEndpoints(FakeSlack slack, SlackSimulator simulator, ISandboxControls controls)
    {
        ArgumentNullException.ThrowIfNull(slack);
        _slack = slack;
        _simulator = simulator;
        _controls = controls;
        if (slack.Clock is SandboxClock clock)
        {
            clock.Moved += _ => slack.NotifyChanged();
        }
    }

    /// <summary>Maps the page and its endpoints onto the sandbox's group (e.g. <c>app.MapGroup("/sandbox")</c>).</summary>
    public void Map(IEndpointRouteBuilder sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        sandbox.MapGet("", Page);
        sandbox.MapGet("/app.js", http => Serve(http, Files["app.js"]));
        sandbox.MapGet("/app.css", http => Serve(http, Files["app.css"]));
        sandbox.MapGet("/ui/state", StateAsync);
        sandbox.MapGet("/ui/events", Events);
        sandbox.MapPost("/ui/command", http => Act(http, CommandAsync));
        sandbox.MapPost("/ui/click", http => Act(http, ClickAsync));
        sandbox.MapPost("/ui/pick", http => Act(http, PickAsync));
        sandbox.MapPost("/ui/submit", http => Act(http, SubmitAsync));
        sandbox.MapPost("/ui/close", http => Act(http, CloseAsync));
        sandbox.MapPost("/ui/home", http => Act(http, HomeAsync));
        sandbox.MapPost("/ui/advance", http => Act(http, AdvanceAsync));
        sandbox.MapPost("/ui/sample-week", http => Act(http, SampleWeekAsync));
        sandbox.MapPost("/ui/reset", http => Act(http, ResetAsync));
    }

    // ---- The page ----------------------------------------------------------------------------------------

    private static Task Page(HttpContext http)
    {
        // Relative links (app.js, ui/state) need the trailing slash: /sandbox → /sandbox/.
        if (http.Request.Path.Value?.EndsWith('/') != true)
        {
            http.Response.Redirect(http.Request.PathBase + http.Request.Path + "/" + http.Request.QueryString);
            return Task.CompletedTask;
        }

        return Serve(http, Files["index.html"]);
    }

    private static async Task Serve(HttpContext http, StaticFile file)
    {
        var response = http.Response;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = file.ETag;
        if (http.Request.Headers.IfNoneMatch == file.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = file.ContentType;
        response.ContentLength = file.Bytes.Length;
        await response.Body.WriteAsync(file.Bytes, http.RequestAborted);
    }

    private static Dictionary<string, StaticFile> LoadFiles()
    {
        var assembly = typeof(SandboxUiEndpoints).Assembly;
        return new[] { ("index.html", "text/html; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"), ("app.css", "text/css; charset=utf-8") }
            .ToDictionary(f => f.Item1, f => StaticFile.From(assembly, f.Item1, f.Item2), StringComparer.Ordinal);
    }

    private sealed record StaticFile(byte[] Bytes, string ContentType, string ETag)
    {
        public static StaticFile From(Assembly assembly, string name, string contentType)
        {
            using var stream = assembly.GetManifestResourceStream("sandbox-ui/" + name)
                ?? throw new InvalidOperationException($"The sandbox page's {name} is not embedded in {assembly.GetName().Name}.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            return new StaticFile(bytes, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
        }
    }

    // ---- Live updates ------------------------------------------------------------------------------------

    private async Task Events(HttpContext http)
    {
        var ct = http.RequestAborted;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var stopped = Task.Delay(Timeout.Infinite, ct);
        try
        {
            // The watch starts before each event goes out, so a change while the page fetches is never lost.
            var watch = _slack.NextChangeAsync(Heartbeat);
            await WriteEventAsync(http, "retry: 2000\nevent: ready\ndata: \n\n", ct);
            while (!ct.IsCancellationRequested)
            {
                if (await Task.WhenAny(watch, stopped) == stopped)
                {
                    return;
                }

                if (await watch)
                {
                    await Task.Delay(Coalesce, ct);
                    watch = _slack.NextChangeAsync(Heartbeat);
                    await WriteEventAsync(http, "event: change\ndata: \n\n", ct);
                }
                else
                {
                    watch = _slack.NextChangeAsync(Heartbeat);
                    await WriteEventAsync(http, ": still here\n\n", ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page went away.
        }
    }

    private static async Task WriteEventAsync(HttpContext http, string text, CancellationToken ct)
    {
        await http.Response.WriteAsync(text, ct);
        await http.Response.Body.FlushAsync(ct);
    }

    // ---- What the acting person sees ---------------------------------------------------------------------

    // Without "as" the page acts as the lead, whom a visitor meets first.
    private Task StateAsync(HttpContext http) =>
        Answer(http, () => Task.FromResult<JsonNode>(State(Person(http.Request.Query["as"].FirstOrDefault() ?? _controls.LeadUserId))));

    private JsonObject State(string actingAs)
    {
        var state = _slack.Read(world =>
        {
            var team = world.Workspaces.Values.FirstOrDefault() ?? throw new UiError(StatusCodes.Status409Conflict, "The sandbox is starting again; try in a moment.");
            var now = world.Now;
            var people = world.Users.Values.Where(u => u.TeamId == team.TeamId && !u.IsBot && !u.Deleted)
                .OrderBy(u => u.Id == _controls.LeadUserId ? 0 : 1)
                .Select(u => (JsonNode?)PersonJson(u, now, u.Id == _controls.LeadUserId))
                .ToArray();
            var conversations = world.Channels.Values
                .Where(c => c.TeamId == team.TeamId && !c.IsIm && !c.IsMpim && !c.IsArchived && c.Members.Contains(actingAs))
                .OrderBy(c => c.IsPrivate).ThenBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => (JsonNode?)ConversationJson(c, "channel", c.Name))
                .ToList();
            var dm = world.Channels.Values.FirstOrDefault(c => c.TeamId == team.TeamId && c.ImUserId == actingAs);
            var users = new JsonObject { [FakeSlack.SlackbotUserId] = UserJson("slackbot", "Slackbot", isBot: true) };
            foreach (var user in world.Users.Values.Where(u => u.TeamId == team.TeamId))
            {
                users[user.Id] = UserJson(user.Name, user.RealName, user.IsBot);
            }

            var channels = new JsonObject();
            foreach (var channel in world.Channels.Values.Where(c => c.TeamId == team.TeamId && !c.IsIm))
            {
                channels[channel.Id] = channel.Name;
            }

            var stack = world.ModalStacks.GetValueOrDefault(actingAs) ?? [];
            var modal = world.ModalOnTop(actingAs);
            var home = world.HomeViewIds.TryGetValue(actingAs, out var homeId) ? world.Views[homeId] : null;
            return new JsonObject
            {
                ["workspace"] = new JsonObject { ["teamId"] = team.TeamId, ["name"] = team.Name, ["botUserId"] = team.BotUserId },
                ["now"] = now.ToUnixTimeMilliseconds(),
                ["actingAs"] = actingAs,
                ["lead"] = _controls.LeadUserId,
                ["teamChannel"] = _controls.TeamChannelId,
                ["people"] = new JsonArray(people),
                ["users"] = users,
                ["channels"] = channels,
                ["conversations"] = new JsonArray([.. conversations]),
                ["dm"] = dm is null
                    ? new JsonObject { ["id"] = null, ["messages"] = new JsonArray() }
                    : ConversationJson(dm, "dm", "AsyncLead"),
                ["ephemerals"] = new JsonArray(world.Ephemerals.Where(m => m.VisibleTo == actingAs && !m.Deleted)
                    .Select(m => (JsonNode?)MessageJson(m, replies: null)).ToArray()),
                ["modal"] = modal is null ? null : new JsonObject { ["depth"] = stack.Count, ["view"] = modal.ToJson() },
                ["home"] = home?.ToJson(),
            };
        });
        state["banners"] = Banners();
        return state;

        static JsonObject ConversationJson(ChannelRecord channel, string kind, string name) => new()
        {
            ["id"] = channel.Id,
            ["kind"] = kind,
            ["name"] = name,
            ["isPrivate"] = channel.IsPrivate,
            ["messages"] = new JsonArray(channel.Messages.Where(m => !m.Deleted && !m.IsReply)
                .Select(m => (JsonNode?)MessageJson(m, SlackWorld.RepliesOf(channel, m.Ts))).ToArray()),
        };
    }

    private static JsonObject PersonJson(UserRecord user, DateTimeOffset now, bool isLead)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(user.TimeZone));
        var offset = local.Offset;
        return new JsonObject
        {
            ["id"] = user.Id,
            ["name"] = user.Name,
            ["realName"] = user.RealName,
            ["timeZone"] = user.TimeZone,
            ["isLead"] = isLead,
            ["localTime"] = local.ToString("ddd HH:mm", CultureInfo.InvariantCulture),
            ["utcOffset"] = (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        };
    }

    private static JsonObject UserJson(string name, string realName, bool isBot) => new() { ["name"] = name, ["realName"] = realName, ["isBot"] = isBot };

    private static JsonObject MessageJson(MessageRecord message, List<MessageRecord>? replies)
    {
        var json = new JsonObject
        {
            ["channel"] = message.ChannelId,
            ["ts"] = message.Ts,
            ["threadTs"] = message.ThreadTs,
            ["user"] = message.UserId,
            ["isBot"] = message.BotId is not null,
            ["text"] = message.Text,
            ["blocks"] = message.Blocks?.DeepClone() ?? new JsonArray(),
            ["edited"] = message.EditedTs is not null,
        };
        if (replies is not null)
        {
            json["replies"] = new JsonArray(replies.Select(r => (JsonNode?)MessageJson(r, replies: null)).ToArray());
        }

        return json;
    }

    /// <summary>What Slack refused for breaking a Block Kit limit, with its <c>[ERROR] …</c> lines: the page's error banner.</summary>
    private JsonArray Banners()
    {
        var refused = _slack.Calls()
            .Where(c => c.Error is "invalid_blocks" or "invalid_arguments")
            .Select(c => (JsonNode?)new JsonObject
            {
                ["at"] = c.At.ToUnixTimeMilliseconds(),
                ["method"] = c.Method,
                ["error"] = c.Error,
                ["messages"] = c.Response["response_metadata"]?["messages"]?.DeepClone() ?? new JsonArray(),
            });
        var posts = _slack.ResponseUrlPosts()
            .Where(p => p.StatusCode == StatusCodes.Status400BadRequest)
            .Select(p => (JsonNode?)new JsonObject
            {
                ["at"] = p.At.ToUnixTimeMilliseconds(),
                ["method"] = "response_url",
                ["error"] = "invalid_blocks",
                ["messages"] = new JsonArray(),
            });
        return new JsonArray([.. refused.Concat(posts).TakeLast(5)]);
    }

    // ---- What the acting person does ---------------------------------------------------------------------

    private async Task<JsonNode> CommandAsync(JsonObject body)
    {
        var actingAs = Person(Str(body, "as"));
        var conversation = Conversation(actingAs, Str(body, "channel"));
        var text = (Str(body, "text") ?? "").Trim();
        if (text.Length == 0)
        {
            throw new UiError(StatusCodes.Status400BadRequest, "Write a message, or a command such as /weekly-update.");
        }

        var thread = Thread(conversation, Str(body, "thread"));
        if (!text.StartsWith('/'))
        {
            // A person's own message: Slack keeps it, and tells the bot with a message event where the bot is in the channel.
            await _simulator.User(actingAs, conversation).PostsAsync(text, thread);
            _slack.NotifyChanged();
            return Line("");
        }

        var split = text.IndexOfAny([' ', '\n', '\t']);
        var command = split < 0 ? text : text[..split];
        var rest = split < 0 ? "" : text[(split + 1)..].Trim();
        if (!AppCommands.Contains(command, StringComparer.Ordinal))
        {
            var answer = $"{command} is not a valid command. In Slack, all messages that start with the \"/\" character are interpreted as commands.\n\n"
                + "If you are trying to send a message that starts with a \"/\" character, try adding a space at the beginning of your message.";
            _slack.AddEphemeral(conversation, actingAs, answer, blocks: null, fromSlackbot: true, thread);
            throw new UiError(StatusCodes.Status400BadRequest, answer) { ShownInConversation = true };
        }

        var response = await _simulator.User(actingAs, conversation).RunsCommandAsync(command, rest);
        if (!response.IsSuccess)
        {
            var failed = $"{command} failed with the error \"dispatch_failed\"";
            _slack.AddEphemeral(conversation, actingAs, failed, blocks: null, fromSlackbot: true, thread);
            throw new UiError(StatusCodes.Status502BadGateway, failed) { ShownInConversation = true };
        }

        // The command's answer in the HTTP response is what Slack shows where it was typed (a thread too; the app
        // is told the channel only): to the person alone, or to everyone.
        if (response.Json is JsonObject ack && (ack["text"] is not null || ack["blocks"] is JsonArray))
        {
            var answerText = ack["text"]?.GetValue<string>() ?? "";
            var blocks = ack["blocks"] is JsonArray list ? list.DeepClone().AsArray() : null;
            if (ack["response_type"]?.GetValue<string>() == "in_channel")
            {
                _slack.UnderLock(world =>
                {
                    var channel = world.Channels.Values.First(c => c.Id == conversation || c.ImUserId == conversation);
                    var team = world.Workspaces[channel.TeamId];
                    return world.Post(channel, team.BotUserId, team.BotId, answerText, blocks, metadata: null, thread);
                });
            }
            else
            {
                _slack.AddEphemeral(conversation, actingAs, answerText, blocks, fromSlackbot: false, thread);
            }
        }

        _slack.NotifyChanged();
        return Line("");
    }

    private Task<JsonNode> ClickAsync(JsonObject body) => InteractAsync(body, pick: false);

    private Task<JsonNode> PickAsync(JsonObject body) => InteractAsync(body, pick: true);

    private async Task<JsonNode> InteractAsync(JsonObject body, bool pick)
    {
        var actingAs = Person(Str(body, "as"));
        var actionId = Str(body, "actionId") ?? throw new UiError(StatusCodes.Status400BadRequest, "Say which element (actionId).");
        var person = _simulator.User(actingAs);
        var value = pick ? Value(body["value"]) : null;
        SlackResponse response;
        try
        {
            if (Str(body, "viewId") is { } viewId)
            {
                var view = _slack.View(viewId);
                if (view is null || view.UserId != actingAs || !IsShowing(actingAs, viewId))
                {
                    throw new UiError(StatusCodes.Status409Conflict, "That view is no longer open.");
                }

                // A pick in a modal's input (dispatch_action) carries what the person entered so far, as Slack's view state.
                response = !pick ? await person.ClicksAsync(view, actionId)
                    : body["values"] is JsonObject form ? await person.PicksAsync(view, actionId, value, Entries(form))
                    : await person.PicksAsync(view, actionId, value);
            }
            else
            {
                var message = Message(actingAs, Str(body, "channel"), Str(body, "ts"));
                response = pick ? await person.PicksAsync(message, actionId, value) : await person.ClicksAsync(message, actionId);
            }
        }
        catch (InvalidOperationException refused)
        {
            throw new UiError(StatusCodes.Status400BadRequest, refused.Message);
        }

        _slack.NotifyChanged();
        return response.IsSuccess ? Line("") : throw new UiError(StatusCodes.Status502BadGateway, "The app did not answer that. Try again?");
    }

    private async Task<JsonNode> SubmitAsync(JsonObject body)
    {
        var actingAs = Person(Str(body, "as"));
        var modal = OpenModal(actingAs, Str(body, "viewId"));
        var entries = Entries(body["values"] as JsonObject ?? []);
        SlackResponse response;
        try
        {
            response = await _simulator.SubmitViewAsync(actingAs, modal, entries);
        }
        catch (InvalidOperationException refused)
        {
            throw new UiError(StatusCodes.Status400BadRequest, refused.Message);
        }
        finally
        {
            _slack.NotifyChanged();
        }

        if (!response.IsSuccess)
        {
            throw new UiError(StatusCodes.Status502BadGateway, "We had some trouble connecting. Try again?");
        }

        if (response.Json?["response_action"]?.GetValue<string>() == "errors")
        {
            // Slack keeps the modal open and shows each message under its input.
            throw new UiError(StatusCodes.Status400BadRequest, "Please fix the highlighted fields.", response.Json["errors"]?.DeepClone());
        }

        return Line("");
    }

    private async Task<JsonNode> CloseAsync(JsonObject body)
    {
        var actingAs = Person(Str(body, "as"));
        var modal = OpenModal(actingAs, Str(body, "viewId"));
        await _simulator.CloseViewAsync(actingAs, modal);
        _slack.NotifyChanged();
        return Line("");
    }

    private async Task<JsonNode> HomeAsync(JsonObject body)
    {
        var response = await _simulator.User(Person(Str(body, "as"))).OpensAppHomeAsync();
        _slack.NotifyChanged();
        return response.IsSuccess ? Line("") : throw new UiError(StatusCodes.Status502BadGateway, "The app's Home did not load. Try again?");
    }

    private async Task<JsonNode> AdvanceAsync(JsonObject body)
    {
        var step = Str(body, "step") ?? "";
        try
        {
            return Line(await _controls.AdvanceAsync(step, CancellationToken.None));
        }
        catch (ArgumentException)
        {
            throw new UiError(StatusCodes.Status400BadRequest, $"There is no time step '{step}'; use next-prompt, day or deadline.");
        }
        catch (InvalidOperationException nothing)
        {
            throw new UiError(StatusCodes.Status409Conflict, nothing.Message);
        }
        finally
        {
            _slack.NotifyChanged();
        }
    }

    private async Task<JsonNode> SampleWeekAsync(JsonObject body)
    {
        try
        {
            return Line(await _controls.FillSampleWeekAsync(CancellationToken.None));
        }
        catch (InvalidOperationException cannot)
        {
            throw new UiError(StatusCodes.Status409Conflict, cannot.Message);
        }
        finally
        {
            _slack.NotifyChanged();
        }
    }

    private async Task<JsonNode> ResetAsync(JsonObject body)
    {
        await _controls.ResetAsync(CancellationToken.None);
        _slack.NotifyChanged();
        return Line("The sandbox is as new: a fresh workspace and the clock back at now.");
    }

    // ---- Input -------------------------------------------------------------------------------------------

    private string Person(string? userId)
    {
        var known = userId is not null && _slack.Read(world =>
            world.Users.TryGetValue(userId, out var user) && !user.IsBot && !user.Deleted);
        return known ? userId! : throw new UiError(StatusCodes.Status400BadRequest, $"There is no one called '{userId}' in the sandbox to act as.");
    }

    /// <summary>A channel the person is in, or "dm" for their DM with the app (the simulator takes their id for it).</summary>
    private string Conversation(string actingAs, string? channelId)
    {
        if (channelId is null or "dm")
        {
            return actingAs;
        }

        var member = _slack.Read(world => world.Channels.TryGetValue(channelId, out var channel)
            && (channel.ImUserId == actingAs || channel.Members.Contains(actingAs)));
        return member
            ? channelId
            : throw new UiError(StatusCodes.Status400BadRequest, $"You are not in a channel '{channelId}'.");
    }

    /// <summary>A message in the conversation, or an ephemeral one there that only the person sees.</summary>
    private FakeMessage Message(string actingAs, string? channelId, string? ts)
    {
        var conversation = Conversation(actingAs, channelId);
        var message = _slack.Read(world =>
            world.Channels.Values.FirstOrDefault(c => c.Id == conversation || c.ImUserId == conversation) is { } channel
                ? (channel.Find(ts ?? "") ?? world.FindEphemeral(channel.Id, ts ?? "", actingAs))?.ToSnapshot()
                : null);
        return message ?? throw new UiError(StatusCodes.Status409Conflict, "That message is gone.");
    }

    /// <summary>The thread a reply goes to: a message in the conversation that is not itself a reply (null: none).</summary>
    private string? Thread(string conversation, string? threadTs)
    {
        if (threadTs is null)
        {
            return null;
        }

        var found = _slack.Read(world =>
            world.Channels.Values.FirstOrDefault(c => c.Id == conversation || c.ImUserId == conversation)?.Find(threadTs) is { IsReply: false });
        return found ? threadTs : throw new UiError(StatusCodes.Status409Conflict, "That thread is gone.");
    }

    private bool IsShowing(string actingAs, string viewId) => _slack.Read(world =>
        (world.ModalStacks.TryGetValue(actingAs, out var stack) && stack.Count > 0 && stack[^1] == viewId)
        || (world.HomeViewIds.TryGetValue(actingAs, out var home) && home == viewId));

    private FakeView OpenModal(string actingAs, string? viewId) =>
        _slack.OpenModalFor(actingAs) is { } modal && modal.Id == viewId
            ? modal
            : throw new UiError(StatusCodes.Status409Conflict, "That modal is no longer open.");

    private static string? Str(JsonObject body, string name) =>
        body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static (string Field, object? Value)[] Entries(JsonObject values) =>
        [.. values.Select(field => (field.Key, Value(field.Value)))];

    /// <summary>What a person entered: text, a list (multi-selects, checkboxes) or nothing.</summary>
    private static object? Value(JsonNode? node) => node switch
    {
        null => null,
        JsonArray list => list.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new UiError(StatusCodes.Status400BadRequest, "A list value holds text only.")).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw new UiError(StatusCodes.Status400BadRequest, "A value is text or a list of text."),
    };

    private static JsonObject Line(string line) => new() { ["ok"] = true, ["line"] = line };

    private static Task Act(HttpContext http, Func<JsonObject, Task<JsonNode>> act) => Answer(http, async () =>
    {
        var request = http.Request;
        // Only the page itself may act: a form on another site can neither send JSON nor forge the Origin.
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new UiError(StatusCodes.Status415UnsupportedMediaType, "Send the action as application/json.");
        }

        if (request.Headers.Origin is [{ } origin] && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            throw new UiError(StatusCodes.Status403Forbidden, "Only the sandbox page itself may act in the sandbox.");
        }

        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: http.RequestAborted) as JsonObject
                ?? throw new UiError(StatusCodes.Status400BadRequest, "Send a JSON object.");
        }
        catch (JsonException)
        {
            throw new UiError(StatusCodes.Status400BadRequest, "That is not JSON.");
        }

        return await act(body);
    });

    private static async Task Answer(HttpContext http, Func<Task<JsonNode>> answer)
    {
        JsonNode result;
        int status;
        try
        {
            result = await answer();
            status = StatusCodes.Status200OK;
        }
        catch (UiError error)
        {
            status = error.Status;
            result = new JsonObject { ["ok"] = false, ["error"] = error.Message, ["errors"] = error.Errors, ["shown"] = error.ShownInConversation };
        }
        catch (HttpRequestException)
        {
            status = StatusCodes.Status502BadGateway;
            result = new JsonObject { ["ok"] = false, ["error"] = "The app is not answering. Is it still running?" };
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = JsonType;
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(result.ToJsonString(), Encoding.UTF8, http.RequestAborted);
    }

    private sealed class UiError(int status, string message, JsonNode? errors = null) : Exception(message)
    {
        public int Status { get; } = status;
        public JsonNode? Errors { get; } = errors;

        /// <summary>Slack's answer is already in the conversation (as Slackbot's message), so the page adds no banner.</summary>
        public bool ShownInConversation { get; init; }
    }
}
