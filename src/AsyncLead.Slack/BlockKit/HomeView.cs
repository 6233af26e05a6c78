namespace AsyncLead.Slack.BlockKit;

public sealed record HomeView : View
{
    public HomeView(IReadOnlyList<Block> blocks)
        : base("home", blocks)
    {
    }
}
