using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack.BlockKit;
using AsyncLead.Sandbox.Slack.State;

namespace AsyncLead.Sandbox.Slack.WebApi;

/// <summary>views.open, views.push, views.update, views.publish. View problems answer <c>invalid_arguments</c>, as Slack does.</summary>
internal static class ViewsMethods
{
    public const int MaxModalStack = 3;

    public static ApiResult Open(ApiCall call) => OpenOrPush(call, push: false);

    public static ApiResult Push(ApiCall call) => OpenOrPush(call, push: true);

    public static ApiResult Update(ApiCall call)
    {
        var world = call.World;
        ViewRecord? view = null;
        if (call.Str("view_id") is { } viewId)
        {
            world.Views.TryGetValue(viewId, out view);
        }
        else if (call.Str("external_id") is { } externalId)
        {
            view = world.Views.Values.FirstOrDefault(v => v.TeamId == call.Team.TeamId && v.ExternalId == externalId);
        }
        else
        {
            return ApiResult.Error("invalid_arguments", ["[ERROR] missing required field: view_id [json-pointer:/]"]);
        }

        if (view is null || view.TeamId != call.Team.TeamId || !IsLive(world, view))
        {
            return ApiResult.Error("not_found");
        }

        if (call.Str("hash") is { } hash && hash != view.Hash)
        {
            return ApiResult.Error("hash_conflict");
        }

        if (CheckView(call, expectedType: view.Type) is { } invalid)
        {
            return invalid;
        }

        Replace(world, view, call.Node("view")!.AsObject());
        return ApiResult.Ok(new JsonObject { ["view"] = view.ToJson() });
    }

    public static ApiResult Publish(ApiCall call)
    {
        var world = call.World;
        var team = call.Team;
        var user = world.FindUser(team, call.Str("user_id"));
        if (user is null)
        {
            return ApiResult.Error("user_not_found");
        }

        if (CheckView(call, expectedType: "home") is { } invalid)
        {
            return invalid;
        }

        var definition = call.Node("view")!.AsObject();
        if (world.HomeViewIds.TryGetValue(user.Id, out var homeId))
        {
            var home = world.Views[homeId];
            if (call.Str("hash") is { } hash && hash != home.Hash)
            {
                return ApiResult.Error("hash_conflict");
            }

            Replace(world, home, definition);
            return ApiResult.Ok(new JsonObject { ["view"] = home.ToJson() });
        }

        var created = Create(world, team, user.Id, definition, previousViewId: null, rootViewId: null);
        world.HomeViewIds[user.Id] = created.Id;
        return ApiResult.Ok(new JsonObject { ["view"] = created.ToJson() });
    }

    private static ApiResult OpenOrPush(ApiCall call, bool push)
    {
        var world = call.World;
        var team = call.Team;
        if (call.Str("trigger_id") is not { } triggerId)
        {
            return ApiResult.Error("invalid_arguments", ["[ERROR] missing required field: trigger_id [json-pointer:/]"]);
        }

        if (!world.Triggers.TryGetValue(triggerId, out var trigger) || trigger.TeamId != team.TeamId)
        {
            return ApiResult.Error("invalid_trigger_id");
        }

        if (trigger.Exchanged)
        {
            return ApiResult.Error("exchanged_trigger_id");
        }

        if (world.Now - trigger.IssuedAt > TriggerRecord.Lifetime)
        {
            return ApiResult.Error("expired_trigger_id");
        }

        if (CheckView(call, expectedType: "modal") is { } invalid)
        {
            return invalid;
        }

        var definition = call.Node("view")!.AsObject();
        if (definition["external_id"]?.GetValue<string>() is { } externalId
            && world.Views.Values.Any(v => v.TeamId == team.TeamId && v.ExternalId == externalId))
        {
            return ApiResult.Error("duplicate_external_id");
        }

        var stack = world.ModalStacks.TryGetValue(trigger.UserId, out var existing) ? existing : [];
        if (push && stack.Count >= MaxModalStack)
        {
            return ApiResult.Error("push_limit_reached");
        }

        trigger.Exchanged = true;
        if (!push)
        {
            stack = [];
        }

        var view = Create(world, team, trigger.UserId, definition, previousViewId: stack.Count > 0 ? stack[^1] : null, rootViewId: stack.Count > 0 ? stack[0] : null);
        stack.Add(view.Id);
        world.ModalStacks[trigger.UserId] = stack;
        world.LastOpenedViewIds[trigger.UserId] = view.Id;
        return ApiResult.Ok(new JsonObject { ["view"] = view.ToJson() });
    }

    private static ApiResult? CheckView(ApiCall call, string expectedType)
    {
        var view = call.Node("view");
        var problems = BlockKitRules.CheckView(view);
        if (problems.Count == 0 && view?["type"]?.GetValue<string>() != expectedType)
        {
            problems = [$"[ERROR] must be {expectedType} [json-pointer:/view/type]"];
        }

        return problems.Count > 0 ? ApiResult.Error("invalid_arguments", problems) : null;
    }

    private static ViewRecord Create(SlackWorld world, WorkspaceRecord team, string userId, JsonObject definition, string? previousViewId, string? rootViewId)
    {
        var id = world.NextId("V");
        var view = new ViewRecord
        {
            Id = id,
            TeamId = team.TeamId,
            UserId = userId,
            AppId = world.AppId,
            BotId = team.BotId,
            RootViewId = rootViewId ?? id,
            PreviousViewId = previousViewId,
            Definition = new JsonObject(),
            Hash = "",
        };
        Replace(world, view, definition);
        world.Views[id] = view;
        return view;
    }

    internal static void Replace(SlackWorld world, ViewRecord view, JsonObject definition)
    {
        var copy = definition.DeepClone().AsObject();
        if (copy["blocks"] is JsonArray blocks)
        {
            world.AssignMissingIds(blocks);
        }

        view.Definition = copy;
        view.Hash = world.NewHash();
    }

    /// <summary>A view can still be updated while it is on someone's modal stack or is their Home tab.</summary>
    private static bool IsLive(SlackWorld world, ViewRecord view) =>
        (world.ModalStacks.TryGetValue(view.UserId, out var stack) && stack.Contains(view.Id))
        || (world.HomeViewIds.TryGetValue(view.UserId, out var home) && home == view.Id);
}
