using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Slack.State;

internal sealed class ViewRecord
{
    public required string Id { get; init; }
    public required string TeamId { get; init; }
    public required string UserId { get; init; }
    public required string AppId { get; init; }
    public required string BotId { get; init; }
    public required string RootViewId { get; init; }
    public string? PreviousViewId { get; init; }

    /// <summary>The view as the app last sent it (type, title, blocks with ids filled in, private_metadata…).</summary>
    public required JsonObject Definition { get; set; }

    public required string Hash { get; set; }

    public string Type => Definition["type"]?.GetValue<string>() ?? "modal";
    public string? ExternalId => Definition["external_id"]?.GetValue<string>();

    /// <summary>The view object as Slack returns it from views.* and embeds it in interaction payloads.</summary>
    public JsonObject ToJson(JsonObject? stateValues = null)
    {
        var d = Definition;
        var json = new JsonObject
        {
            ["id"] = Id,
            ["team_id"] = TeamId,
            ["type"] = Type,
            ["blocks"] = d["blocks"]?.DeepClone() ?? new JsonArray(),
            ["private_metadata"] = d["private_metadata"]?.DeepClone() ?? "",
            ["callback_id"] = d["callback_id"]?.DeepClone() ?? "",
            ["state"] = new JsonObject { ["values"] = stateValues ?? new JsonObject() },
            ["hash"] = Hash,
            ["clear_on_close"] = d["clear_on_close"]?.DeepClone() ?? false,
            ["notify_on_close"] = d["notify_on_close"]?.DeepClone() ?? false,
            ["root_view_id"] = RootViewId,
            ["previous_view_id"] = PreviousViewId,
            ["app_id"] = AppId,
            ["external_id"] = d["external_id"]?.DeepClone() ?? "",
            ["app_installed_team_id"] = TeamId,
            ["bot_id"] = BotId,
        };
        foreach (var name in new[] { "title", "submit", "close" })
        {
            if (d[name] is { } text)
            {
                json[name] = text.DeepClone();
            }
        }

        return json;
    }

    public FakeView ToSnapshot() => new(Id, TeamId, UserId, Type, ToJson());
}
