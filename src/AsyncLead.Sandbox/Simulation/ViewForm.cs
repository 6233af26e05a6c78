using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack;

namespace AsyncLead.Sandbox.Simulation;

/// <summary>
/// A modal as a person fills it in: values are placed by block_id, action_id or label; anything not named keeps
/// its initial value. Builds <c>state.values</c> ({block_id: {action_id: {type, …}}}) from input blocks only.
/// </summary>
internal static class ViewForm
{
    public static JsonObject StateValues(FakeView view, IReadOnlyList<(string Field, object? Value)> entries, bool submitting)
    {
        var inputs = view.Blocks.OfType<JsonObject>()
            .Where(b => b["type"]?.GetValue<string>() == "input" && b["element"] is JsonObject)
            .ToList();
        var entered = new Dictionary<JsonObject, object?>(ReferenceEqualityComparer.Instance);
        foreach (var (field, value) in entries)
        {
            var matches = inputs.Where(b => Names(b).Any(name => string.Equals(name, field.Trim(), StringComparison.OrdinalIgnoreCase))).ToList();
            var block = matches.Count switch
            {
                1 => matches[0],
                0 => throw new InvalidOperationException($"View '{view.CallbackId}' has no input '{field}'. Its inputs: {Describe(inputs)}."),
                _ => throw new InvalidOperationException($"'{field}' names several inputs of view '{view.CallbackId}': {Describe(matches)}; use the block_id."),
            };
            if (!entered.TryAdd(block, value))
            {
                throw new InvalidOperationException($"Input '{field}' of view '{view.CallbackId}' was given twice.");
            }
        }

        var values = new JsonObject();
        foreach (var block in inputs)
        {
            var element = block["element"]!.AsObject();
            var state = ElementValues.StateValue(element, entered.TryGetValue(block, out var value), value);
            var label = Label(block);
            if (submitting)
            {
                ElementValues.CheckLength(element, state, label);
                if (block["optional"]?.GetValue<bool>() != true && ElementValues.IsEmpty(state))
                {
                    throw new InvalidOperationException($"Slack will not submit view '{view.CallbackId}': the required input '{label}' is empty.");
                }
            }

            values[block["block_id"]!.GetValue<string>()] = new JsonObject { [element["action_id"]!.GetValue<string>()] = state };
        }

        return values;
    }

    /// <summary>The interactive element with this action_id, and the block holding it.</summary>
    public static (JsonObject Block, JsonObject Element) FindAction(JsonArray blocks, string actionId)
    {
        var candidates = blocks.OfType<JsonObject>().SelectMany(block =>
            (block["elements"] as JsonArray ?? []).Append(block["accessory"]).Append(block["element"])
                .OfType<JsonObject>()
                .Select(element => (Block: block, Element: element)))
            .Where(c => c.Element["action_id"] is not null)
            .ToList();
        var found = candidates.Find(c => c.Element["action_id"]!.GetValue<string>() == actionId);
        return found.Element is not null
            ? found
            : throw new InvalidOperationException($"No element with action_id '{actionId}'. There are: "
                + string.Join(", ", candidates.Select(c => c.Element["action_id"]!.GetValue<string>())));
    }

    private static IEnumerable<string> Names(JsonObject block)
    {
        yield return block["block_id"]!.GetValue<string>();
        if (block["element"]?["action_id"]?.GetValue<string>() is { } actionId)
        {
            yield return actionId;
        }

        yield return Label(block);
    }

    private static string Label(JsonObject block) => block["label"]?["text"]?.GetValue<string>()?.Trim() ?? "";

    private static string Describe(IEnumerable<JsonObject> blocks) =>
        string.Join(", ", blocks.Select(b => $"{b["block_id"]}/{b["element"]?["action_id"]} \"{Label(b)}\""));
}
