using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Slack;

/// <summary>A modal or Home tab as FakeSlack holds it now; <see cref="Json"/> is the view object Slack would send.</summary>
public sealed record FakeView(string Id, string TeamId, string UserId, string Type, JsonObject Json)
{
    public string CallbackId => Json["callback_id"]?.GetValue<string>() ?? "";
    public string PrivateMetadata => Json["private_metadata"]?.GetValue<string>() ?? "";
    public string Hash => Json["hash"]!.GetValue<string>();
    public JsonArray Blocks => Json["blocks"]!.AsArray();

    /// <summary>Title and every text in the blocks, one per line: what the person sees, for assertions.</summary>
    public string VisibleText => string.Join('\n', JsonText.AllTexts(Json["title"]).Concat(JsonText.AllTexts(Blocks)));
}
