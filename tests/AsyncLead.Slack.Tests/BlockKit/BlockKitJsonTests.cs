using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.Tests.BlockKit;

/// <summary>Golden JSON: what Slack receives (after fitting) for complete messages and views, in Slack's documented shape.</summary>
public sealed class BlockKitJsonTests
{
    [Fact]
    public void Weekly_thread_message_serializes_to_slacks_shape()
    {
        IReadOnlyList<Block> blocks =
        [
            Blocks.Header("Weekly updates · week of 3 March"),
            Blocks.Section(
                "*4 of 6* updates in. Still waiting on <@U0AAAA001> and <@U0AAAA002>.",
                new ButtonElement("weekly_update.open", new PlainText("Write my update")) { Value = "2025-03-03", Style = ButtonStyle.Primary }) with
            {
                BlockId = "weekly.summary",
            },
            Blocks.Fields("*Blockers*\n2", "*Due*\nFriday 17:00"),
            Blocks.Divider(),
            Blocks.Actions(
                new ButtonElement("weekly_update.remind", new PlainText("Nudge the rest"))
                {
                    Value = "remind",
                    Confirm = new ConfirmDialog(
                        new PlainText("Nudge now?"),
                        new MrkdwnText("Reminders go out in each person's working hours."),
                        new PlainText("Nudge"),
                        new PlainText("Cancel")),
                },
                new ButtonElement("weekly_update.digest", new PlainText("Open digest")) { Url = "https://asynclead.example.com/digest/2025-03-03" },
                new OverflowElement("weekly_update.more", [Option.Plain("Skip this week", "skip"), Option.Plain("Settings", "settings")])),
            Blocks.Context("Posted by AsyncLead · <!date^1741000000^{date_short}|3 Mar 2025>"),
        ];

        JsonAssert.Equivalent(
            """
            [
              {"type":"header","text":{"type":"plain_text","text":"Weekly updates · week of 3 March","emoji":true}},
              {"type":"section","block_id":"weekly.summary",
               "text":{"type":"mrkdwn","text":"*4 of 6* updates in. Still waiting on <@U0AAAA001> and <@U0AAAA002>."},
               "accessory":{"type":"button","action_id":"weekly_update.open","text":{"type":"plain_text","text":"Write my update","emoji":true},"value":"2025-03-03","style":"primary"}},
              {"type":"section","fields":[{"type":"mrkdwn","text":"*Blockers*\n2"},{"type":"mrkdwn","text":"*Due*\nFriday 17:00"}]},
              {"type":"divider"},
              {"type":"actions","elements":[
                {"type":"button","action_id":"weekly_update.remind","text":{"type":"plain_text","text":"Nudge the rest","emoji":true},"value":"remind",
                 "confirm":{"title":{"type":"plain_text","text":"Nudge now?","emoji":true},"text":{"type":"mrkdwn","text":"Reminders go out in each person's working hours."},
                            "confirm":{"type":"plain_text","text":"Nudge","emoji":true},"deny":{"type":"plain_text","text":"Cancel","emoji":true}}},
                {"type":"button","action_id":"weekly_update.digest","text":{"type":"plain_text","text":"Open digest","emoji":true},"url":"https://asynclead.example.com/digest/2025-03-03"},
                {"type":"overflow","action_id":"weekly_update.more","options":[
                  {"text":{"type":"plain_text","text":"Skip this week","emoji":true},"value":"skip"},
                  {"text":{"type":"plain_text","text":"Settings","emoji":true},"value":"settings"}]}]},
              {"type":"context","elements":[{"type":"mrkdwn","text":"Posted by AsyncLead · <!date^1741000000^{date_short}|3 Mar 2025>"}]}
            ]
            """,
            JsonAssert.Serialize(BlockKitLimits.FitMessage(blocks)));
    }

    [Fact]
    public void Decision_modal_serializes_every_input_element_to_slacks_shape()
    {
        var due = new Option(new MrkdwnText("*Approve*"), "approve") { Description = new PlainText("Go ahead as proposed") };
        var modal = new ModalView(
            new PlainText("New decision"),
            [
                Blocks.Input("problem", "Problem statement", new PlainTextInputElement("value")
                {
                    Multiline = true,
                    MinLength = 10,
                    MaxLength = 3000,
                    InitialValue = "We page on every retry.",
                    Placeholder = new PlainText("What needs deciding?"),
                }),
                Blocks.Input("deadline", "Respond by", new DateTimePickerElement("value") { InitialDateTime = DateTimeOffset.FromUnixTimeSeconds(1666869900) }),
                Blocks.Input("week", "Week", new DatePickerElement("value") { InitialDate = new DateOnly(2025, 3, 3) }, optional: true),
                Blocks.Input("focus", "Focus starts", new TimePickerElement("value") { InitialTime = new TimeOnly(9, 0), Timezone = "Europe/Berlin" }, hint: "Your local time"),
                Blocks.Input("owner", "Owner", new UsersSelectElement("value") { InitialUser = "U0AAAA001" }),
                Blocks.Input("reviewers", "Reviewers", new MultiUsersSelectElement("value") { InitialUsers = ["U0AAAA002", "U0AAAA003"], MaxSelectedItems = 8 }),
                Blocks.Input("channel", "Post to", new ConversationsSelectElement("value")
                {
                    DefaultToCurrentConversation = true,
                    ResponseUrlEnabled = true,
                    Filter = new ConversationFilter { Include = [ConversationKind.Public, ConversationKind.Private], ExcludeBotUsers = true, ExcludeExternalSharedChannels = true },
                }),
                Blocks.Input("kind", "Kind", new StaticSelectElement("value", [Option.Plain("Technical", "tech"), Option.Plain("Process", "process")])
                {
                    InitialOption = Option.Plain("Technical", "tech"),
                    Placeholder = new PlainText("Pick one"),
                }),
                Blocks.Input("notify", "Also", new CheckboxesElement("value", [Option.Plain("Post a summary", "summary")]) { InitialOptions = [Option.Plain("Post a summary", "summary")] }),
                new InputBlock(new PlainText("Your answer"), new RadioButtonsElement("value", [due]) { InitialOption = due }) { BlockId = "answer", DispatchAction = true },
            ])
        {
            Submit = new PlainText("Create"),
            Close = new PlainText("Cancel"),
            CallbackId = "decision.create",
            PrivateMetadata = """{"channel":"C0AAAA001"}""",
            ExternalId = "decision-42",
            NotifyOnClose = true,
            ClearOnClose = true,
        };

        JsonAssert.Equivalent(
            """
            {
              "type":"modal",
              "title":{"type":"plain_text","text":"New decision","emoji":true},
              "submit":{"type":"plain_text","text":"Create","emoji":true},
              "close":{"type":"plain_text","text":"Cancel","emoji":true},
              "callback_id":"decision.create",
              "private_metadata":"{\"channel\":\"C0AAAA001\"}",
              "external_id":"decision-42",
              "notify_on_close":true,
              "clear_on_close":true,
              "blocks":[
                {"type":"input","block_id":"problem","label":{"type":"plain_text","text":"Problem statement","emoji":true},
                 "element":{"type":"plain_text_input","action_id":"value","multiline":true,"initial_value":"We page on every retry.","min_length":10,"max_length":3000,
                            "placeholder":{"type":"plain_text","text":"What needs deciding?","emoji":true}}},
                {"type":"input","block_id":"deadline","label":{"type":"plain_text","text":"Respond by","emoji":true},
                 "element":{"type":"datetimepicker","action_id":"value","initial_date_time":1666869900}},
                {"type":"input","block_id":"week","optional":true,"label":{"type":"plain_text","text":"Week","emoji":true},
                 "element":{"type":"datepicker","action_id":"value","initial_date":"2025-03-03"}},
                {"type":"input","block_id":"focus","label":{"type":"plain_text","text":"Focus starts","emoji":true},"hint":{"type":"plain_text","text":"Your local time","emoji":true},
                 "element":{"type":"timepicker","action_id":"value","initial_time":"09:00","timezone":"Europe/Berlin"}},
                {"type":"input","block_id":"owner","label":{"type":"plain_text","text":"Owner","emoji":true},
                 "element":{"type":"users_select","action_id":"value","initial_user":"U0AAAA001"}},
                {"type":"input","block_id":"reviewers","label":{"type":"plain_text","text":"Reviewers","emoji":true},
                 "element":{"type":"multi_users_select","action_id":"value","initial_users":["U0AAAA002","U0AAAA003"],"max_selected_items":8}},
                {"type":"input","block_id":"channel","label":{"type":"plain_text","text":"Post to","emoji":true},
                 "element":{"type":"conversations_select","action_id":"value","default_to_current_conversation":true,"response_url_enabled":true,
                            "filter":{"include":["public","private"],"exclude_bot_users":true,"exclude_external_shared_channels":true}}},
                {"type":"input","block_id":"kind","label":{"type":"plain_text","text":"Kind","emoji":true},
                 "element":{"type":"static_select","action_id":"value","placeholder":{"type":"plain_text","text":"Pick one","emoji":true},
                            "options":[{"text":{"type":"plain_text","text":"Technical","emoji":true},"value":"tech"},{"text":{"type":"plain_text","text":"Process","emoji":true},"value":"process"}],
                            "initial_option":{"text":{"type":"plain_text","text":"Technical","emoji":true},"value":"tech"}}},
                {"type":"input","block_id":"notify","label":{"type":"plain_text","text":"Also","emoji":true},
                 "element":{"type":"checkboxes","action_id":"value","options":[{"text":{"type":"plain_text","text":"Post a summary","emoji":true},"value":"summary"}],
                            "initial_options":[{"text":{"type":"plain_text","text":"Post a summary","emoji":true},"value":"summary"}]}},
                {"type":"input","block_id":"answer","dispatch_action":true,"label":{"type":"plain_text","text":"Your answer","emoji":true},
                 "element":{"type":"radio_buttons","action_id":"value",
                            "options":[{"text":{"type":"mrkdwn","text":"*Approve*"},"value":"approve","description":{"type":"plain_text","text":"Go ahead as proposed","emoji":true}}],
                            "initial_option":{"text":{"type":"mrkdwn","text":"*Approve*"},"value":"approve","description":{"type":"plain_text","text":"Go ahead as proposed","emoji":true}}}}
              ]
            }
            """,
            JsonAssert.Serialize<View>(BlockKitLimits.FitView(modal)));
    }

    [Fact]
    public void Home_view_serializes_to_slacks_shape()
    {
        var home = new HomeView(
        [
            Blocks.Header("Your week"),
            Blocks.Section("*Decision:* Adopt Postgres job queue", new OverflowElement("decision.menu", [Option.Plain("Open", "open"), new Option(new PlainText("Read in browser"), "web") { Url = "https://asynclead.example.com/d/42" }])),
            new SectionBlock { Text = new MrkdwnText("<https://example.com|not auto-linked>") { Verbatim = true } },
        ])
        {
            CallbackId = "home",
            PrivateMetadata = "v1",
        };

        JsonAssert.Equivalent(
            """
            {
              "type":"home","callback_id":"home","private_metadata":"v1",
              "blocks":[
                {"type":"header","text":{"type":"plain_text","text":"Your week","emoji":true}},
                {"type":"section","text":{"type":"mrkdwn","text":"*Decision:* Adopt Postgres job queue"},
                 "accessory":{"type":"overflow","action_id":"decision.menu","options":[
                   {"text":{"type":"plain_text","text":"Open","emoji":true},"value":"open"},
                   {"text":{"type":"plain_text","text":"Read in browser","emoji":true},"value":"web","url":"https://asynclead.example.com/d/42"}]}},
                {"type":"section","text":{"type":"mrkdwn","text":"<https://example.com|not auto-linked>","verbatim":true}}
              ]
            }
            """,
            JsonAssert.Serialize<View>(BlockKitLimits.FitView(home)));
    }

    [Fact]
    public void Type_is_written_first_and_nulls_are_left_out()
    {
        Assert.Equal(
            """{"type":"button","action_id":"a","text":{"type":"plain_text","text":"Go","emoji":true},"style":"danger"}""",
            JsonAssert.Serialize<BlockElement>(new ButtonElement("a", new PlainText("Go")) { Style = ButtonStyle.Danger }));
    }
}
