using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack.BlockKit;
using AsyncLead.Sandbox.Slack.State;
using AsyncLead.Sandbox.Slack.WebApi;

namespace AsyncLead.Sandbox.Slack;

/// <summary>How a person's stack of modals changes when the app acks a view_submission (CONTRACT.md §3) or the person closes one.</summary>
internal static class ModalStack
{
    /// <summary>
    /// Empty ack: the submitted view closes. <c>clear</c>: every view closes. <c>update</c>: the submitted view is
    /// replaced. <c>push</c>: a new view goes on top. <c>errors</c>: the view stays, messages under input blocks.
    /// Returns what Slack would refuse (then nothing changes).
    /// </summary>
    public static IReadOnlyList<string> ApplySubmissionAck(SlackWorld world, string userId, string viewId, JsonObject? ack)
    {
        var stack = world.ModalStacks.GetValueOrDefault(userId) ?? [];
        var action = ack?["response_action"]?.GetValue<string>();
        switch (action)
        {
            case null:
                stack.Remove(viewId);
                return [];
            case "clear":
                stack.Clear();
                return [];
            case "errors":
                return CheckErrors(world.Views[viewId], ack!["errors"]);
            case "update" or "push":
                var view = ack!["view"];
                var problems = BlockKitRules.CheckView(view);
                if (problems.Count > 0)
                {
                    return problems;
                }

                if (action == "update")
                {
                    ViewsMethods.Replace(world, world.Views[viewId], view!.AsObject());
                    return [];
                }

                if (stack.Count >= ViewsMethods.MaxModalStack)
                {
                    return ["push_limit_reached"];
                }

                var submitted = world.Views[viewId];
                var pushed = new ViewRecord
                {
                    Id = world.NextId("V"),
                    TeamId = submitted.TeamId,
                    UserId = userId,
                    AppId = submitted.AppId,
                    BotId = submitted.BotId,
                    RootViewId = submitted.RootViewId,
                    PreviousViewId = submitted.Id,
                    Definition = [],
                    Hash = "",
                };
                ViewsMethods.Replace(world, pushed, view!.AsObject());
                world.Views[pushed.Id] = pushed;
                stack.Add(pushed.Id);
                world.LastOpenedViewIds[userId] = pushed.Id;
                return [];
            default:
                return [$"unknown response_action: {action}"];
        }
    }

    public static void Close(SlackWorld world, string userId, string viewId)
    {
        if (!world.ModalStacks.TryGetValue(userId, out var stack))
        {
            return;
        }

        if (world.Views[viewId].Definition["clear_on_close"]?.GetValue<bool>() == true)
        {
            stack.Clear();
        }
        else
        {
            stack.Remove(viewId);
        }
    }

    /// <summary>Slack accepts errors only keyed by block_ids of input blocks in the submitted view.</summary>
    private static IReadOnlyList<string> CheckErrors(ViewRecord view, JsonNode? errors)
    {
        if (errors is not JsonObject byBlock || byBlock.Count == 0)
        {
            return ["response_action errors needs a non-empty errors object"];
        }

        var inputBlockIds = view.Definition["blocks"]!.AsArray().OfType<JsonObject>()
            .Where(b => b["type"]?.GetValue<string>() == "input")
            .Select(b => b["block_id"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        return byBlock.Select(e => e.Key).Where(id => !inputBlockIds.Contains(id)).Select(id => $"errors names {id}, which is not an input block of the view").ToList();
    }
}
