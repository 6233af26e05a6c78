using System.Text;

namespace AsyncLead.Slack.Tests.Fixtures;

/// <summary>Fixture files written from Slack's published example payloads (FIXTURES.md), with AsyncLead ids.</summary>
internal static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static byte[] Bytes(string name) => Encoding.UTF8.GetBytes(Text(name));

    /// <summary>An interaction fixture as Slack posts it: one form field, <c>payload</c>, holding the URL-encoded JSON.</summary>
    public static byte[] InteractionForm(string name) => Encoding.UTF8.GetBytes(InteractionFormOf(Text(name)));

    public static string InteractionFormOf(string json) => "payload=" + Uri.EscapeDataString(json);
}
