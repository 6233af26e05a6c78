using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncLead.Features.Decisions;
using AsyncLead.Features.Home;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Slack;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Tests.Features.Home;

/// <summary>The Home tab's blocks from data alone: what each section says, and the 100-block bound.</summary>
public sealed class HomeTabTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private static readonly TeamWeek Week = TeamWeek.Containing(new DateOnly(2025, 11, 17));
    private static readonly MemberSchedule Berlin = MemberSchedule.Default("Europe/Berlin");
    private static readonly TeamChannel Payments = Team(7, "C_PAY", "team-payments");

    [Fact]
    public void Not_written_offers_the_form_and_shows_the_next_reminder_so_each_reader_sees_it_in_their_own_time()
    {
        var reminder = new DateTimeOffset(2025, 11, 24, 9, 0, 0, TimeSpan.Zero);
        var view = Json(HomeTab.Build(Data(weeks: [Status(written: false, next: reminder)]), Now));

        Assert.Contains("Not written yet · next reminder <!date^1763974800^{date_short_pretty} at {time}|Mon 24 Nov 2025 10:00 Europe/Berlin>", Text(view));
        var button = Buttons(view, "weekly_write").Single();
        Assert.Equal("Write update", button["text"]!["text"]!.GetValue<string>());
        Assert.Equal("7|2025-11-17", button["value"]!.GetValue<string>());
        Assert.Equal("primary", button["style"]!.GetValue<string>());
    }

    [Fact]
    public void Written_offers_an_edit_and_no_reminder()
    {
        var view = Json(HomeTab.Build(Data(weeks: [Status(written: true, next: null)]), Now));

        Assert.Contains("✅ Written", Text(view));
        Assert.DoesNotContain("reminder", Text(view));
        Assert.Equal("Edit update", Buttons(view, "weekly_write").Single()["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Away_for_the_week_says_so_instead_of_a_reminder()
    {
        var view = Json(HomeTab.Build(Data(weeks: [Status(written: false, next: null) with { Away = true }]), Now));

        Assert.Contains("🌴 You're away this week", Text(view));
    }

    [Fact]
    public void Someone_in_no_team_is_welcomed_with_how_to_start_and_still_sees_what_waits_on_them()
    {
        var view = Json(HomeTab.Build(Data(waiting: [Doc(1)]), Now));
        var text = Text(view);

        Assert.Contains("Welcome to AsyncLead", text);
        Assert.Contains("`/weekly-update setup`", text);
        Assert.Contains("`/decision`", text);
        Assert.DoesNotContain("Your week", text);
        Assert.Contains("Waiting on you (1)", text);
        Assert.Equal(["1"], Buttons(view, "decision_approve").Select(b => b["value"]!.GetValue<string>()));
    }

    [Fact]
    public void What_people_typed_is_escaped_so_it_cannot_ping_or_format()
    {
        var data = Data(weeks: [Status(written: true, next: null)], waiting: [Doc(1) with { Title = "Use <!channel> & *bold*" }],
            blockers: [Blocker(1, "U_ALICE", "<!here> waits on <@U_BOB>", Now)]);

        var text = Text(Json(HomeTab.Build(data, Now)));

        Assert.Contains("&lt;!channel&gt; &amp;", text);
        Assert.Contains("&lt;!here&gt; waits on &lt;@U_BOB&gt;", text);
        Assert.DoesNotContain("<!channel>", text);
        Assert.DoesNotContain("<!here>", text);
    }

    [Fact]
    public void Blockers_show_their_age_and_a_resolve_button_carrying_their_id()
    {
        var data = Data(weeks: [Status(written: true, next: null)], blockers: [Blocker(42, "U_ALICE", "Keys", Now.AddDays(-9))]);

        var view = Json(HomeTab.Build(data, Now));

        Assert.Contains("🚧 Keys — in <#C_PAY>, open 9 days", Text(view));
        Assert.Equal(["42"], Buttons(view, "weekly_resolve_blocker").Select(b => b["value"]!.GetValue<string>()));
    }

    [Fact]
    public void With_everything_at_its_largest_the_tab_keeps_within_100_blocks_and_every_list_tells_its_true_count()
    {
        var led = Enumerable.Range(1, 5).Select(i => Led(i, blockers: 120, missing: 150, due: 12, decided: 9)).ToList();
        var data = Data(
            weeks: [.. Enumerable.Range(1, 20).Select(i => Status(written: i % 2 == 0, next: Now.AddDays(1)) with { Team = Team(i) })],
            waiting: [.. Enumerable.Range(1, 40).Select(i => Doc(i))],
            blockers: [.. Enumerable.Range(1, 30).Select(i => Blocker(i, "U_LENA", $"Mine {i}", Now.AddDays(-i)))],
            led: led);

        var view = Json(HomeTab.Build(data, Now));
        var text = Text(view);

        // The bound in HomeTab's summary: 2 + 11 + 15 + 11 + 2 + 3 × 12 + 1.
        Assert.Equal(78, view["blocks"]!.AsArray().Count);
        Assert.Contains("…and 12 more teams.", text);
        Assert.Contains("Waiting on you (40)", text);
        Assert.Contains("…and 34 more.", text);
        Assert.Contains("Your blockers (30 open)", text);
        Assert.Contains("…and 22 more, listed in each week's summary.", text);
        Assert.Equal(3, CountOf(text, "*Open blockers (120), oldest first*"));
        Assert.Equal(3, CountOf(text, "…and 115 more — see <https://pages.test/week/"));
        Assert.Equal(3, CountOf(text, "*Decisions due this week (12)*"));
        Assert.Equal(3, CountOf(text, "…and 7 more — see <https://pages.test/log|the decision log>."));
        Assert.Equal(3, CountOf(text, "*Decided last week (9)*"));
        Assert.Equal(3, CountOf(text, "and 135 more"));
        Assert.Contains("You also lead 2 more teams: <#C_TEAM4>, <#C_TEAM5>.", text);
        // The first eight in the store's order (oldest first) are shown.
        Assert.Contains("Mine 8 —", text);
        Assert.DoesNotContain("Mine 9 —", text);
    }

    private static HomeData Data(IReadOnlyList<WeekStatus>? weeks = null, IReadOnlyList<DecisionDoc>? waiting = null,
        IReadOnlyList<OpenBlocker>? blockers = null, IReadOnlyList<LedTeam>? led = null) =>
        new("U_LENA", Berlin, weeks ?? [], waiting ?? [], blockers ?? [], led ?? []);

    private static TeamChannel Team(int number) =>
        Team(number, string.Create(CultureInfo.InvariantCulture, $"C_TEAM{number}"), string.Create(CultureInfo.InvariantCulture, $"team-{number}"));

    private static TeamChannel Team(long id, string channelId, string name) => new(id, "T_ACME", channelId, name, "Europe/Berlin",
        TeamCalendar.DefaultPrompt, TeamCalendar.DefaultClose, ReminderChoice.Default, ExpectEveryone: true, [], "U_LENA", [], 15);

    private static WeekStatus Status(bool written, DateTimeOffset? next) =>
        new(Payments, Week, written, Away: false, next, new DateTimeOffset(2025, 11, 24, 8, 0, 0, TimeSpan.Zero));

    private static DecisionDoc Doc(int number) => new()
    {
        Id = number,
        WorkspaceId = "T_ACME",
        Number = number,
        ChannelId = "C_PAY",
        AuthorId = "U_ALICE",
        AuthorTz = "Europe/Berlin",
        Title = $"Decision {number}",
        Deadline = Now.AddDays(2),
        DecisionDate = Now.AddDays(3),
        DecidedOption = "Option B",
    };

    private static OpenBlocker Blocker(long id, string userId, string text, DateTimeOffset openedAt) =>
        new(id, 7, "C_PAY", userId, text, openedAt);

    private static LedTeam Led(int number, int blockers, int missing, int due, int decided) => new(
        Team(number), Week,
        new ParticipationFigures(missing + 10, 10, 0, missing, TimeSpan.FromHours(2), 1000),
        [.. Enumerable.Range(1, missing).Select(i => string.Create(CultureInfo.InvariantCulture, $"U_M{i:000}"))],
        [.. Enumerable.Range(1, blockers).Select(i => Blocker(i, "U_M001", $"Blocked {i}", Now.AddDays(-i)))],
        [.. Enumerable.Range(1, due).Select(i => Doc(i))],
        [.. Enumerable.Range(1, decided).Select(i => Doc(100 + i))],
        new Uri(string.Create(CultureInfo.InvariantCulture, $"https://pages.test/week/{number}")),
        new Uri("https://pages.test/log"));

    private static JsonObject Json(HomeView view) => JsonSerializer.SerializeToNode<View>(view, SlackJson.Options)!.AsObject();

    private static string Text(JsonNode node) => string.Join('\n', Texts(node));

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject obj when obj["type"]?.GetValue<string>() is "mrkdwn" or "plain_text" => [obj["text"]!.GetValue<string>()],
        JsonObject obj => obj.SelectMany(property => Texts(property.Value)),
        JsonArray array => array.SelectMany(Texts),
        _ => [],
    };

    private static IReadOnlyList<JsonObject> Buttons(JsonObject view, string actionId) =>
        [.. view["blocks"]!.AsArray().OfType<JsonObject>()
            .SelectMany(block => (block["elements"] as JsonArray ?? []).Append(block["accessory"]).OfType<JsonObject>())
            .Where(element => element["action_id"]?.GetValue<string>() == actionId)];

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
