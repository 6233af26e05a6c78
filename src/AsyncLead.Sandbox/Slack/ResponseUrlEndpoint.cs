using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack.BlockKit;
using AsyncLead.Sandbox.Slack.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace AsyncLead.Sandbox.Slack;

/// <summary>
/// <c>POST /response_url/{id}</c>: where the app answers a slash command or a message interaction. Up to 5 posts
/// within 30 minutes; <c>in_channel</c> posts a message, <c>ephemeral</c> (the default) shows it to the one
/// person, <c>replace_original</c> / <c>delete_original</c> act on the message the interaction came from.
/// </summary>
internal sealed class ResponseUrlEndpoint(SlackWorld world, CallLog<ResponseUrlPost> posts)
{
    public async Task HandleAsync(HttpContext http)
    {
        var id = (string)http.Request.RouteValues["id"]!;
        var text = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync(http.RequestAborted);
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            body = [];
        }

        ResponseUrlRecord? record;
        (int Status, string? Error) outcome;
        lock (world.Gate)
        {
            world.ResponseUrls.TryGetValue(id, out record);
            outcome = record is null ? (404, "invalid_response_url") : Apply(record, body);
        }

        if (record is not null)
        {
            posts.Add(new ResponseUrlPost(new Uri(http.Request.GetEncodedUrl()), record.UserId, record.ChannelId, body, outcome.Status, world.Now));
        }

        http.Response.StatusCode = outcome.Status;
        http.Response.ContentType = "application/json; charset=utf-8";
        var answer = outcome.Error is null ? new JsonObject { ["ok"] = true } : new JsonObject { ["ok"] = false, ["error"] = outcome.Error };
        await http.Response.WriteAsync(answer.ToJsonString(), http.RequestAborted);
    }

    private (int Status, string? Error) Apply(ResponseUrlRecord record, JsonObject body)
    {
        if (world.Now - record.IssuedAt > ResponseUrlRecord.Lifetime)
        {
            return (404, "expired_url");
        }

        if (record.Uses >= ResponseUrlRecord.MaxUses)
        {
            return (404, "used_url");
        }

        var channel = world.Channels[record.ChannelId];
        var team = world.Workspaces[record.TeamId];
        // The message the interaction came from: one in the conversation, or an ephemeral one only the person sees.
        var original = record.MessageTs is null ? null
            : channel.Find(record.MessageTs) ?? world.FindEphemeral(channel.Id, record.MessageTs, record.UserId);
        if (Flag(body, "delete_original"))
        {
            record.Uses++;
            if (original is not null)
            {
                original.Deleted = true;
            }

            return (200, null);
        }

        var messageText = body["text"]?.GetValue<string>() ?? "";
        var blocks = body["blocks"] as JsonArray;
        if (messageText.Length == 0 && blocks is not { Count: > 0 })
        {
            return (400, "no_text");
        }

        if (blocks is not null && BlockKitRules.CheckMessageBlocks(blocks).Count > 0)
        {
            return (400, "invalid_blocks");
        }

        record.Uses++;
        var copy = blocks?.DeepClone().AsArray();
        if (copy is not null)
        {
            world.AssignMissingIds(copy);
        }

        if (Flag(body, "replace_original") && original is not null)
        {
            original.Text = messageText;
            original.Blocks = copy;
            // Slack marks a replaced message "(edited)"; an ephemeral one is just swapped.
            if (original.VisibleTo is null)
            {
                original.EditedTs = world.NextTs();
            }
        }
        else if (body["response_type"]?.GetValue<string>() == "in_channel")
        {
            world.Post(channel, team.BotUserId, team.BotId, messageText, copy, metadata: null, body["thread_ts"]?.GetValue<string>());
        }
        else
        {
            world.Ephemerals.Add(new MessageRecord
            {
                ChannelId = channel.Id,
                TeamId = team.TeamId,
                Ts = world.NextTs(),
                UserId = team.BotUserId,
                BotId = team.BotId,
                AppId = world.AppId,
                Text = messageText,
                Blocks = copy,
                VisibleTo = record.UserId,
            });
        }

        return (200, null);
    }

    private static bool Flag(JsonObject body, string name) =>
        body[name] is JsonValue v && ((v.TryGetValue<bool>(out var b) && b) || (v.TryGetValue<string>(out var s) && s == "true"));
}
