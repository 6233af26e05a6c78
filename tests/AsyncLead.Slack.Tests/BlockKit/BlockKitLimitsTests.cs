using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.Tests.BlockKit;

/// <summary>Every limit at its edge: the exact limit passes unchanged, one over is split, shortened or refused.</summary>
public sealed class BlockKitLimitsTests
{
    private static readonly PlainText Go = new("Go");

    [Fact]
    public void Section_text_at_3000_is_one_unchanged_block_and_at_3001_continues_in_a_second()
    {
        var atLimit = Blocks.Section(Text.Words(3000)) with { BlockId = "summary" };
        var over = Blocks.Section(Text.Words(3001), new ButtonElement("open", Go)) with { BlockId = "summary" };

        AssertUnchanged(atLimit);
        var split = BlockKitLimits.FitMessage([over]).Cast<SectionBlock>().ToList();
        Assert.Equal(2, split.Count);
        Assert.All(split, block => Assert.True(block.Text!.Text.Length <= BlockKitLimits.SectionText));
        Assert.Equal(("summary", "open"), (split[0].BlockId, split[0].Accessory?.ActionId));
        Assert.Equal((null, null), (split[1].BlockId, split[1].Accessory?.ActionId));
        Assert.IsType<MrkdwnText>(split[1].Text);
    }

    [Fact]
    public void Ten_fields_stay_in_one_section_and_an_eleventh_continues_in_the_next()
    {
        var ten = Blocks.Fields([.. Enumerable.Range(1, 10).Select(i => $"f{i}")]);
        var eleven = Blocks.Fields([.. Enumerable.Range(1, 11).Select(i => $"f{i}")]) with { Text = new MrkdwnText("intro") };

        AssertUnchanged(ten);
        var split = BlockKitLimits.FitMessage([eleven]).Cast<SectionBlock>().ToList();
        Assert.Equal(2, split.Count);
        Assert.Equal("intro", split[0].Text!.Text);
        Assert.Equal(10, split[0].Fields!.Count);
        Assert.Null(split[1].Text);
        Assert.Equal("f11", Assert.Single(split[1].Fields!).Text);
    }

    [Fact]
    public void Field_text_at_2000_is_kept_and_at_2001_is_shortened_with_a_marker()
    {
        AssertUnchanged(Blocks.Fields(Text.Words(2000)));
        AssertShortened(Blocks.Fields(Text.Words(2001)), 2000, block => ((SectionBlock)block).Fields![0].Text);
    }

    [Fact]
    public void Sections_without_visible_text_are_dropped_or_lose_only_the_empty_text()
    {
        var empty = Blocks.Section("  ");
        var emptyTextWithFields = Blocks.Fields("a") with { Text = new MrkdwnText("") };

        var fitted = BlockKitLimits.FitMessage([empty, emptyTextWithFields]);

        var section = Assert.IsType<SectionBlock>(Assert.Single(fitted));
        Assert.Null(section.Text);
        Assert.Equal("a", Assert.Single(section.Fields!).Text);
    }

    [Fact]
    public void Header_text_at_150_is_kept_and_at_151_is_shortened()
    {
        AssertUnchanged(Blocks.Header(Text.Words(150)));
        AssertShortened(Blocks.Header(Text.Words(151)), 150, block => ((HeaderBlock)block).Text.Text);
    }

    [Fact]
    public void Ten_context_elements_stay_in_one_block_and_an_eleventh_continues_in_the_next()
    {
        AssertUnchanged(Blocks.Context([.. Enumerable.Range(1, 10).Select(i => $"c{i}")]));

        var split = BlockKitLimits.FitMessage([Blocks.Context([.. Enumerable.Range(1, 11).Select(i => $"c{i}")]) with { BlockId = "ctx" }])
            .Cast<ContextBlock>().ToList();

        Assert.Equal([10, 1], split.Select(block => block.Elements.Count));
        Assert.Equal(["ctx", null], split.Select(block => block.BlockId));
    }

    [Fact]
    public void Twenty_five_action_elements_pass_and_twenty_six_are_refused()
    {
        AssertUnchanged(Blocks.Actions([.. Enumerable.Range(1, 25).Select(i => new ButtonElement($"b{i}", Go))]));
        AssertRefused(Blocks.Actions([.. Enumerable.Range(1, 26).Select(i => new ButtonElement($"b{i}", Go))]));
    }

    [Fact]
    public void Input_label_and_hint_at_2000_are_kept_and_at_2001_are_shortened()
    {
        var element = new PlainTextInputElement("value");

        AssertUnchanged(Blocks.Input("b", Text.Words(2000), element, hint: Text.Words(2000)));
        AssertShortened(Blocks.Input("b", Text.Words(2001), element), 2000, block => ((InputBlock)block).Label.Text);
        AssertShortened(Blocks.Input("b", "label", element, hint: Text.Words(2001)), 2000, block => ((InputBlock)block).Hint!.Text);
    }

    [Fact]
    public void Block_and_action_ids_at_255_pass_and_at_256_are_refused()
    {
        AssertUnchanged(Blocks.Divider() with { BlockId = new string('b', 255) });
        AssertUnchanged(Blocks.Actions(new ButtonElement(new string('a', 255), Go)));
        AssertRefused(Blocks.Divider() with { BlockId = new string('b', 256) });
        AssertRefused(Blocks.Actions(new ButtonElement(new string('a', 256), Go)));
        AssertRefused(Blocks.Input("b", "l", new PlainTextInputElement(new string('a', 256))));
    }

    [Fact]
    public void Button_text_is_shortened_past_75_while_value_and_url_are_refused_past_2000_and_3000()
    {
        AssertUnchanged(Blocks.Actions(new ButtonElement("b", new PlainText(Text.Words(75))) { Value = new string('v', 2000), Url = Url(3000) }));
        AssertShortened(Blocks.Actions(new ButtonElement("b", new PlainText(Text.Words(76)))), 75, block => ((ButtonElement)((ActionsBlock)block).Elements[0]).Text.Text);
        AssertRefused(Blocks.Actions(new ButtonElement("b", Go) { Value = new string('v', 2001) }));
        AssertRefused(Blocks.Actions(new ButtonElement("b", Go) { Url = Url(3001) }));
    }

    [Fact]
    public void Option_text_past_75_is_shortened_identically_in_options_and_initial_option()
    {
        var longOption = Option.Plain(Text.Words(76), "long");
        var select = new StaticSelectElement("pick", [Option.Plain(Text.Words(75), "exact"), longOption]) { InitialOption = longOption };

        var fitted = (StaticSelectElement)((ActionsBlock)BlockKitLimits.FitMessage([Blocks.Actions(select)])[0]).Elements[0];

        Assert.Equal(Text.Words(75), fitted.Options[0].Text.Text);
        Assert.Equal(75, fitted.Options[1].Text.Text.Length);
        Assert.EndsWith(BlockKitLimits.Ellipsis, fitted.Options[1].Text.Text, StringComparison.Ordinal);
        Assert.Equal(fitted.Options[1], fitted.InitialOption);
    }

    [Fact]
    public void Option_description_is_shortened_past_75_and_option_value_refused_past_150()
    {
        AssertUnchanged(Blocks.Actions(new OverflowElement("o", [Option.Plain("a", new string('v', 150)), Option.Plain("b", "b") with { Description = new PlainText(Text.Words(75)) }])));
        AssertShortened(
            Blocks.Actions(new OverflowElement("o", [Option.Plain("a", "a"), Option.Plain("b", "b") with { Description = new PlainText(Text.Words(76)) }])),
            75,
            block => ((OverflowElement)((ActionsBlock)block).Elements[0]).Options[1].Description!.Text);
        AssertRefused(Blocks.Actions(new OverflowElement("o", [Option.Plain("a", new string('v', 151)), Option.Plain("b", "b")])));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Static_select_allows_one_to_100_options(int count, bool allowed) =>
        AssertAllowedOrRefused(Blocks.Actions(new StaticSelectElement("s", Options(count))), allowed);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Overflow_allows_two_to_five_options(int count, bool allowed) =>
        AssertAllowedOrRefused(Blocks.Actions(new OverflowElement("o", Options(count))), allowed);

    [Theory]
    [InlineData(0, false)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Checkboxes_and_radio_buttons_allow_one_to_ten_options(int count, bool allowed)
    {
        AssertAllowedOrRefused(Blocks.Input("c", "l", new CheckboxesElement("c", Options(count))), allowed, modal: true);
        AssertAllowedOrRefused(Blocks.Input("r", "l", new RadioButtonsElement("r", Options(count))), allowed, modal: true);
    }

    [Fact]
    public void Placeholders_at_150_are_kept_and_at_151_are_shortened()
    {
        AssertUnchanged(Blocks.Input("b", "l", new UsersSelectElement("u") { Placeholder = new PlainText(Text.Words(150)) }));
        AssertShortened(
            Blocks.Input("b", "l", new PlainTextInputElement("t") { Placeholder = new PlainText(Text.Words(151)) }),
            150,
            block => ((PlainTextInputElement)((InputBlock)block).Element).Placeholder!.Text);
        AssertShortened(
            Blocks.Input("b", "l", new ConversationsSelectElement("c") { Placeholder = new PlainText(Text.Words(151)) }),
            150,
            block => ((ConversationsSelectElement)((InputBlock)block).Element).Placeholder!.Text);
    }

    [Fact]
    public void Confirm_dialog_texts_are_shortened_past_100_300_30_and_30()
    {
        ConfirmDialog Dialog(int extra) => new(
            new PlainText(Text.Words(100 + extra)),
            new MrkdwnText(Text.Words(300 + extra)),
            new PlainText(Text.Words(30 + extra)),
            new PlainText(Text.Words(30 + extra)));

        AssertUnchanged(Blocks.Actions(new ButtonElement("b", Go) { Confirm = Dialog(0) }));
        var fitted = ((ButtonElement)((ActionsBlock)BlockKitLimits.FitMessage([Blocks.Actions(new ButtonElement("b", Go) { Confirm = Dialog(1) })])[0]).Elements[0]).Confirm!;

        Assert.Equal([100, 300, 30, 30], new[] { fitted.Title, fitted.Text, fitted.Confirm, fitted.Deny }.Select(text => text.Text.Length));
        Assert.All(new[] { fitted.Title, fitted.Text, fitted.Confirm, fitted.Deny }, text => Assert.EndsWith(BlockKitLimits.Ellipsis, text.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 3000, true)]
    [InlineData(3000, 1, true)]
    [InlineData(-1, null, false)]
    [InlineData(3001, null, false)]
    [InlineData(null, 0, false)]
    [InlineData(null, 3001, false)]
    public void Plain_text_input_lengths_must_be_within_slacks_ranges(int? min, int? max, bool allowed) =>
        AssertAllowedOrRefused(Blocks.Input("b", "l", new PlainTextInputElement("t") { MinLength = min, MaxLength = max }), allowed, modal: true);

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public void Multi_users_select_needs_at_least_one_selectable_item(int max, bool allowed) =>
        AssertAllowedOrRefused(Blocks.Input("b", "l", new MultiUsersSelectElement("u") { MaxSelectedItems = max }), allowed, modal: true);

    [Fact]
    public void A_message_of_50_blocks_is_unchanged_and_of_51_ends_with_a_note_of_what_was_left_out()
    {
        var fifty = Enumerable.Range(1, 50).Select(i => (Block)Blocks.Section($"s{i}")).ToList();
        var fiftyOne = Enumerable.Range(1, 51).Select(i => (Block)Blocks.Section($"s{i}")).ToList();

        Assert.Equal(JsonAssert.Serialize(fifty), JsonAssert.Serialize(BlockKitLimits.FitMessage(fifty)));
        var fitted = BlockKitLimits.FitMessage(fiftyOne);
        Assert.Equal(50, fitted.Count);
        Assert.Equal("s49", ((SectionBlock)fitted[48]).Text!.Text);
        Assert.Equal("… 2 more blocks not shown", Assert.Single(Assert.IsType<ContextBlock>(fitted[49]).Elements).Text);
    }

    [Fact]
    public void Blocks_produced_by_splitting_count_towards_the_message_cap()
    {
        var markdown = string.Join("\n\n", Enumerable.Range(1, 60).Select(i => $"Paragraph {i}: " + Text.Words(2900)));

        var fitted = BlockKitLimits.FitMessage([.. Blocks.FromMarkdown(markdown)]);

        Assert.Equal(50, fitted.Count);
        Assert.Equal("… 11 more blocks not shown", Assert.Single(Assert.IsType<ContextBlock>(fitted[^1]).Elements).Text);
    }

    [Fact]
    public void A_view_of_100_blocks_is_unchanged_and_of_101_ends_with_a_note()
    {
        var hundred = new HomeView([.. Enumerable.Range(1, 100).Select(i => Blocks.Section($"s{i}"))]);
        var hundredOne = new HomeView([.. Enumerable.Range(1, 101).Select(i => Blocks.Section($"s{i}"))]);

        Assert.Equal(JsonAssert.Serialize<View>(hundred), JsonAssert.Serialize<View>(BlockKitLimits.FitView(hundred)));
        var fitted = BlockKitLimits.FitView(hundredOne);
        Assert.Equal(100, fitted.Blocks.Count);
        Assert.Equal("… 2 more blocks not shown", Assert.Single(Assert.IsType<ContextBlock>(fitted.Blocks[^1]).Elements).Text);
    }

    [Fact]
    public void Modal_title_submit_and_close_at_24_are_kept_and_at_25_are_shortened()
    {
        ModalView Modal(int length) => new(new PlainText(Text.Words(length)), [Blocks.Input("b", "l", new PlainTextInputElement("t"))])
        {
            Submit = new PlainText(Text.Words(length)),
            Close = new PlainText(Text.Words(length)),
        };

        Assert.Equal(JsonAssert.Serialize<View>(Modal(24)), JsonAssert.Serialize<View>(BlockKitLimits.FitView(Modal(24))));
        var fitted = BlockKitLimits.FitView(Modal(25));
        Assert.Equal([24, 24, 24], new[] { fitted.Title, fitted.Submit!, fitted.Close! }.Select(text => text.Text.Length));
        Assert.EndsWith(BlockKitLimits.Ellipsis, fitted.Title.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void View_ids_at_255_and_private_metadata_at_3000_pass_one_more_is_refused()
    {
        var view = new HomeView([Blocks.Divider()]) { CallbackId = new string('c', 255), ExternalId = new string('e', 255), PrivateMetadata = new string('m', 3000) };

        Assert.Equal(JsonAssert.Serialize<View>(view), JsonAssert.Serialize<View>(BlockKitLimits.FitView(view)));
        Assert.Throws<ArgumentException>(() => BlockKitLimits.FitView(view with { CallbackId = new string('c', 256) }));
        Assert.Throws<ArgumentException>(() => BlockKitLimits.FitView(view with { ExternalId = new string('e', 256) }));
        Assert.Throws<ArgumentException>(() => BlockKitLimits.FitView(view with { PrivateMetadata = new string('m', 3001) }));
    }

    [Fact]
    public void A_modal_with_inputs_but_no_submit_button_is_refused()
    {
        var modal = new ModalView(new PlainText("Update"), [Blocks.Input("b", "l", new PlainTextInputElement("t"))]);

        Assert.Throws<ArgumentException>(() => BlockKitLimits.FitView(modal));
        Assert.NotNull(BlockKitLimits.FitView(modal with { Submit = new PlainText("Save") }).Submit);
    }

    [Fact]
    public void Message_text_at_40000_is_kept_and_at_40001_is_shortened()
    {
        var atLimit = Text.Words(40_000);

        Assert.Same(atLimit, BlockKitLimits.FitMessageText(atLimit));
        var shortened = BlockKitLimits.FitMessageText(Text.Words(40_001));
        Assert.True(shortened.Length <= 40_000);
        Assert.EndsWith(BlockKitLimits.Ellipsis, shortened, StringComparison.Ordinal);
    }

    private static List<Option> Options(int count) => [.. Enumerable.Range(1, count).Select(i => Option.Plain($"o{i}", $"v{i}"))];

    private static string Url(int length) => "https://example.com/" + new string('p', length - "https://example.com/".Length);

    private static void AssertUnchanged(Block block) =>
        Assert.Equal(JsonAssert.Serialize<IReadOnlyList<Block>>([block]), JsonAssert.Serialize(BlockKitLimits.FitMessage([block])));

    private static void AssertShortened(Block block, int limit, Func<Block, string> text)
    {
        var fitted = Assert.Single(BlockKitLimits.FitMessage([block]));
        var shortened = text(fitted);

        Assert.True(text(block).Length > limit);
        Assert.True(shortened.Length <= limit, $"{shortened.Length} > {limit}");
        Assert.EndsWith(BlockKitLimits.Ellipsis, shortened, StringComparison.Ordinal);
        Assert.StartsWith(shortened[..^1].TrimEnd(), text(block), StringComparison.Ordinal);
    }

    private static void AssertRefused(Block block) =>
        Assert.Throws<ArgumentException>(() => BlockKitLimits.FitMessage([block]));

    private static void AssertAllowedOrRefused(Block block, bool allowed, bool modal = false)
    {
        IReadOnlyList<Block> Fit() => modal
            ? BlockKitLimits.FitView(new ModalView(new PlainText("t"), [block]) { Submit = new PlainText("ok") }).Blocks
            : BlockKitLimits.FitMessage([block]);

        if (allowed)
        {
            Assert.Single(Fit());
        }
        else
        {
            Assert.Throws<ArgumentException>(Fit);
        }
    }
}
