using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class BlockerItemsTests
{
    [Theory]
    [InlineData("none")]
    [InlineData("None.")]
    [InlineData("N/A")]
    [InlineData("na")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("No blockers!")]
    [InlineData("no blocker")]
    [InlineData("Nothing blocking me")]
    [InlineData("None 🎉")]
    [InlineData("*none*")]
    [InlineData("- none")]
    [InlineData("• None so far")]
    [InlineData("nope :smile:")]
    [InlineData("")]
    [InlineData("  \n \n")]
    public void Placeholders_mean_no_blockers(string blockers)
    {
        Assert.Empty(BlockerItems.Extract(blockers));
    }

    [Theory]
    [InlineData("- legal review\n- prod DB access")]
    [InlineData("• legal review\n• prod DB access")]
    [InlineData("* legal review\n+ prod DB access")]
    [InlineData("1. legal review\n2) prod DB access")]
    [InlineData("legal review\n\nprod DB access")]
    [InlineData("- [ ] legal review\n- [x] prod DB access")]
    [InlineData("- legal review\r\n- prod DB access\r\n")]
    public void One_item_per_bullet_or_line(string blockers)
    {
        Assert.Equal(["legal review", "prod DB access"], BlockerItems.Extract(blockers));
    }

    [Fact]
    public void Nested_bullets_and_wrapped_lines_belong_to_the_item_above()
    {
        const string blockers = """
            - Waiting on Vault access
              - ticket OPS-12
              - pinged #infra twice
            - Waiting on the payments team to
              approve the schema change
            """;

        Assert.Equal(
            ["Waiting on Vault access; ticket OPS-12; pinged #infra twice", "Waiting on the payments team to approve the schema change"],
            BlockerItems.Extract(blockers));
    }

    [Fact]
    public void Placeholders_are_dropped_item_by_item()
    {
        Assert.Equal(["waiting on design"], BlockerItems.Extract("- none\n- waiting on design"));
    }

    [Fact]
    public void A_sentence_that_starts_with_none_is_a_blocker()
    {
        Assert.Equal(["None of the staging envs boot"], BlockerItems.Extract("None of the staging envs boot"));
    }

    [Fact]
    public void A_code_block_stays_with_its_item()
    {
        const string blockers = """
            - Deploys fail:
            ```
            Error: - none
            ```
            - flaky CI
            """;

        Assert.Equal(["Deploys fail:\n```\nError: - none\n```", "flaky CI"], BlockerItems.Extract(blockers));
    }

    [Fact]
    public void Links_and_formatting_are_kept_in_an_item()
    {
        Assert.Equal(
            ["**Waiting** on [OPS-12](https://tickets.example.com/OPS-12)"],
            BlockerItems.Extract("- **Waiting** on [OPS-12](https://tickets.example.com/OPS-12)"));
    }

    [Fact]
    public void Blocker_items_of_a_parsed_update()
    {
        var update = WeeklyUpdateParser.Parse("Done: export\nBlocked:\n• legal review\n• prod DB access\nNext: PDFs");

        Assert.Equal(["legal review", "prod DB access"], update.BlockerItems);
    }
}
