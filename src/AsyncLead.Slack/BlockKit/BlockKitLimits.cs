using System.Diagnostics.CodeAnalysis;

namespace AsyncLead.Slack.BlockKit;

/// <summary>
/// Every Block Kit limit Slack enforces, and the one place that makes blocks and views fit them. Text meant for people
/// is split (section text, fields, context elements) or shortened with a visible "…"; data meant for machines (ids,
/// values, URLs, metadata) and the shape of controls (option counts, buttons per row) are never altered: a violation
/// there is a programming error and throws <see cref="ArgumentException"/> before Slack would reject the call.
/// </summary>
public static class BlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;

    /// <summary>Slack truncates a message's top-level <c>text</c> beyond this.</summary>
    public const int MessageText = 40_000;

    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ActionsElements = 25;
    public const int ContextElements = 10;
    public const int InputLabel = 2000;
    public const int InputHint = 2000;

    /// <summary><c>block_id</c>, <c>action_id</c>, <c>callback_id</c> and <c>external_id</c>.</summary>
    public const int Id = 255;

    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int OptionText = 75;
    public const int OptionDescription = 75;
    public const int OptionValue = 150;
    public const int SelectOptions = 100;
    public const int OverflowOptionsMin = 2;
    public const int OverflowOptionsMax = 5;

    /// <summary>Options of a checkbox group or radio group.</summary>
    public const int ChoiceOptions = 10;

    public const int Placeholder = 150;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;

    /// <summary>Upper bound of plain_text_input <c>min_length</c> and <c>max_length</c>.</summary>
    public const int TextInputLength = 3000;

    /// <summary>Modal <c>title</c>, <c>submit</c> and <c>close</c>.</summary>
    public const int ViewButtonText = 24;

    public const int PrivateMetadata = 3000;

    /// <summary>Marks text that was shortened.</summary>
    public const string Ellipsis = "…";

    /// <summary>Blocks of a message (chat.postMessage/update/postEphemeral), fitted to every limit.</summary>
    public static IReadOnlyList<Block> FitMessage(IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        return FitBlocks(blocks, MessageBlocks);
    }

    /// <summary>A modal or Home view (views.open/update/push/publish), fitted to every limit.</summary>
    public static TView FitView<TView>(TView view)
        where TView : View
    {
        ArgumentNullException.ThrowIfNull(view);
        CheckLength(view.CallbackId, Id, "callback_id");
        CheckLength(view.ExternalId, Id, "external_id");
        CheckLength(view.PrivateMetadata, PrivateMetadata, "private_metadata");
        var fitted = (View)view with { Blocks = FitBlocks(view.Blocks, ViewBlocks) };
        if (fitted is ModalView modal)
        {
            if (modal.Submit is null && modal.Blocks.Any(block => block is InputBlock))
            {
                throw new ArgumentException("A modal with input blocks needs a submit button.", nameof(view));
            }

            fitted = modal with
            {
                Title = Fit(modal.Title, ViewButtonText),
                Submit = Fit(modal.Submit, ViewButtonText),
                Close = Fit(modal.Close, ViewButtonText),
            };
        }

        return (TView)fitted;
    }

    /// <summary>A message's top-level <c>text</c> (the notification and accessibility fallback).</summary>
    public static string FitMessageText(string text) => Truncate(text, MessageText);

    /// <summary>Shortens <paramref name="text"/> to at most <paramref name="maxLength"/> characters ending in "…",
    /// never cutting a <c>&lt;…&gt;</c> token, an entity or a surrogate pair.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, Ellipsis.Length + 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = MrkdwnSplitter.SafeCut(text, maxLength - Ellipsis.Length);
        return text[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>Splits mrkdwn into pieces of at most <paramref name="maxLength"/> characters at paragraph, then line,
    /// then word boundaries; outside code fences where possible (a fence cut anyway is closed and reopened).</summary>
    public static IReadOnlyList<string> SplitText(string mrkdwn, int maxLength = SectionText)
    {
        ArgumentNullException.ThrowIfNull(mrkdwn);
        return MrkdwnSplitter.Split(mrkdwn, maxLength);
    }

    private static List<Block> FitBlocks(IReadOnlyList<Block> blocks, int maxBlocks)
    {
        var fitted = blocks.SelectMany(FitBlock).ToList();
        if (fitted.Count <= maxBlocks)
        {
            return fitted;
        }

        var shown = fitted.GetRange(0, maxBlocks - 1);
        shown.Add(new ContextBlock([new MrkdwnText($"… {fitted.Count - shown.Count} more blocks not shown")]));
        return shown;
    }

    private static IEnumerable<Block> FitBlock(Block block)
    {
        CheckLength(block.BlockId, Id, "block_id");
        return block switch
        {
            SectionBlock section => FitSection(section),
            HeaderBlock header => [header with { Text = Fit(header.Text, HeaderText) }],
            ContextBlock context => context.Elements
                .Chunk(ContextElements)
                .Select((elements, i) => context with { Elements = elements, BlockId = i == 0 ? context.BlockId : null }),
            ActionsBlock actions => [actions with
            {
                Elements = CheckCount(actions.Elements, 1, ActionsElements, "actions elements").Select(FitElement).ToList(),
            }],
            InputBlock input => [input with
            {
                Label = Fit(input.Label, InputLabel),
                Hint = Fit(input.Hint, InputHint),
                Element = FitElement(input.Element),
            }],
            _ => [block],
        };
    }

    /// <summary>Long text continues in further sections, more than ten fields too; the first keeps id and accessory.</summary>
    private static List<SectionBlock> FitSection(SectionBlock section)
    {
        var sections = new List<SectionBlock>();
        if (section.Text is { } text && !string.IsNullOrWhiteSpace(text.Text))
        {
            sections.AddRange(SplitText(text.Text, SectionText).Select(piece => new SectionBlock { Text = text with { Text = piece } }));
        }

        var fieldGroups = (section.Fields ?? []).Select(field => Fit(field, FieldText)).Chunk(SectionFields).ToList();
        for (var i = 0; i < fieldGroups.Count; i++)
        {
            if (i == 0 && sections.Count > 0)
            {
                sections[^1] = sections[^1] with { Fields = fieldGroups[i] };
            }
            else
            {
                sections.Add(new SectionBlock { Fields = fieldGroups[i] });
            }
        }

        // A section with neither text nor fields is rejected by Slack and shows nothing: it is dropped.
        if (sections.Count > 0)
        {
            sections[0] = sections[0] with
            {
                BlockId = section.BlockId,
                Accessory = section.Accessory is null ? null : FitElement(section.Accessory),
            };
        }

        return sections;
    }

    private static BlockElement FitElement(BlockElement element)
    {
        CheckLength(element.ActionId, Id, "action_id");
        return element switch
        {
            ButtonElement button => button with
            {
                Text = Fit(button.Text, ButtonText),
                Value = CheckLength(button.Value, ButtonValue, "button value"),
                Url = CheckLength(button.Url, ButtonUrl, "button url"),
                Confirm = Fit(button.Confirm),
            },
            PlainTextInputElement input => input with
            {
                MinLength = CheckRange(input.MinLength, 0, TextInputLength, "min_length"),
                MaxLength = CheckRange(input.MaxLength, 1, TextInputLength, "max_length"),
                Placeholder = Fit(input.Placeholder, Placeholder),
            },
            DatePickerElement picker => picker with { Placeholder = Fit(picker.Placeholder, Placeholder), Confirm = Fit(picker.Confirm) },
            TimePickerElement picker => picker with { Placeholder = Fit(picker.Placeholder, Placeholder), Confirm = Fit(picker.Confirm) },
            DateTimePickerElement picker => picker with { Confirm = Fit(picker.Confirm) },
            UsersSelectElement select => select with { Placeholder = Fit(select.Placeholder, Placeholder), Confirm = Fit(select.Confirm) },
            MultiUsersSelectElement select => select with
            {
                MaxSelectedItems = CheckRange(select.MaxSelectedItems, 1, int.MaxValue, "max_selected_items"),
                Placeholder = Fit(select.Placeholder, Placeholder),
                Confirm = Fit(select.Confirm),
            },
            ConversationsSelectElement select => select with { Placeholder = Fit(select.Placeholder, Placeholder), Confirm = Fit(select.Confirm) },
            StaticSelectElement select => select with
            {
                Options = FitOptions(select.Options, 1, SelectOptions, "static_select options"),
                InitialOption = Fit(select.InitialOption),
                Placeholder = Fit(select.Placeholder, Placeholder),
                Confirm = Fit(select.Confirm),
            },
            GroupedStaticSelectElement select => select with
            {
                OptionGroups = CheckCount(select.OptionGroups, 1, SelectOptions, "static_select option_groups")
                    .Select(group => group with
                    {
                        Label = Fit(group.Label, OptionText),
                        Options = FitOptions(group.Options, 1, SelectOptions, "option group options"),
                    })
                    .ToList(),
                InitialOption = Fit(select.InitialOption),
                Placeholder = Fit(select.Placeholder, Placeholder),
            },
            OverflowElement overflow => overflow with
            {
                Options = FitOptions(overflow.Options, OverflowOptionsMin, OverflowOptionsMax, "overflow options"),
                Confirm = Fit(overflow.Confirm),
            },
            CheckboxesElement checkboxes => checkboxes with
            {
                Options = FitOptions(checkboxes.Options, 1, ChoiceOptions, "checkboxes options"),
                InitialOptions = checkboxes.InitialOptions?.Select(option => Fit(option)!).ToList(),
                Confirm = Fit(checkboxes.Confirm),
            },
            RadioButtonsElement radio => radio with
            {
                Options = FitOptions(radio.Options, 1, ChoiceOptions, "radio_buttons options"),
                InitialOption = Fit(radio.InitialOption),
                Confirm = Fit(radio.Confirm),
            },
            _ => element,
        };
    }

    private static List<Option> FitOptions(IReadOnlyList<Option> options, int min, int max, string what) =>
        CheckCount(options, min, max, what).Select(option => Fit(option)!).ToList();

    // An initial option must stay equal to its option, so both go through this same shortening.
    private static Option? Fit(Option? option) => option is null ? null : option with
    {
        Text = Fit(option.Text, OptionText),
        Value = CheckLength(option.Value, OptionValue, "option value")!,
        Description = Fit(option.Description, OptionDescription),
    };

    private static ConfirmDialog? Fit(ConfirmDialog? confirm) => confirm is null ? null : confirm with
    {
        Title = Fit(confirm.Title, ConfirmTitle),
        Text = Fit(confirm.Text, ConfirmText),
        Confirm = Fit(confirm.Confirm, ConfirmButton),
        Deny = Fit(confirm.Deny, ConfirmButton),
    };

    [return: NotNullIfNotNull(nameof(text))]
    private static T? Fit<T>(T? text, int maxLength)
        where T : TextObject =>
        text is null || text.Text.Length <= maxLength ? text : (T)(text with { Text = Truncate(text.Text, maxLength) });

    private static string? CheckLength(string? value, int maxLength, string what) =>
        value is null || value.Length <= maxLength
            ? value
            : throw new ArgumentException($"{what} is {value.Length} characters; Slack allows at most {maxLength}.");

    private static int? CheckRange(int? value, int min, int max, string what) =>
        value is null || (value >= min && value <= max)
            ? value
            : throw new ArgumentException($"{what} is {value}; Slack allows {min} to {max}.");

    private static IReadOnlyList<T> CheckCount<T>(IReadOnlyList<T> items, int min, int max, string what) =>
        items.Count >= min && items.Count <= max
            ? items
            : throw new ArgumentException($"{what}: {items.Count} given; Slack allows {min} to {max}.");
}
