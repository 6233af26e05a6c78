using AsyncLead.Features.Install;
using AsyncLead.Sandbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace AsyncLead.Tests.Deploy;

/// <summary>The Slack app manifests ask for exactly what the code uses, and send Slack to the paths the app serves.</summary>
public sealed class SlackAppManifestTests
{
    private static readonly YamlMappingNode Http = DeploySettings.Load("deploy", "slack-app-manifest.yml");
    private static readonly YamlMappingNode Socket = DeploySettings.Load("deploy", "slack-app-manifest.socket.yml");

    public static TheoryData<string> Manifests => ["slack-app-manifest.yml", "slack-app-manifest.socket.yml"];

    private static YamlMappingNode Named(string file) => file == "slack-app-manifest.yml" ? Http : Socket;

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Bot_scopes_are_exactly_the_ones_the_install_link_requests(string file)
    {
        Assert.Equal(SlackScopes.Bot, Named(file).At("oauth_config", "scopes", "bot").Items());
        Assert.Equal(SlackScopes.BotOptional, Named(file).At("oauth_config", "scopes", "bot_optional").Items());
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Event_subscriptions_are_exactly_the_events_the_app_has_handlers_for(string file)
    {
        Assert.Equal(HandledEventTypes().Order(), Named(file).At("settings", "event_subscriptions", "bot_events").Items().Order());
    }

    [Fact]
    public void Http_manifest_urls_end_in_the_paths_the_app_serves()
    {
        var routes = AppRoutes.Get();
        var urls = Http.At("features", "slash_commands").AllNodes.OfType<YamlMappingNode>()
            .Where(node => node.Children.ContainsKey("url")).Select(node => node.Text("url"))
            .Append(Http.Text("settings", "event_subscriptions", "request_url"))
            .Append(Http.Text("settings", "interactivity", "request_url"))
            .Concat(Http.At("oauth_config", "redirect_urls").Items())
            .ToList();

        Assert.Equal(
            ["/slack/commands", "/slack/commands", "/slack/events", "/slack/interactions", "/slack/oauth/callback"],
            urls.Select(url => new Uri(url).AbsolutePath).Order());
        Assert.All(urls, url => Assert.Contains(new Uri(url).AbsolutePath, routes));
        Assert.All(urls, url => Assert.Equal("https", new Uri(url).Scheme));
        Assert.Contains(InstallEndpoints.InstallPath, routes);
        Assert.Equal("false", Http.Text("settings", "socket_mode_enabled"));
    }

    [Fact]
    public void Socket_manifest_has_no_request_urls_and_turns_socket_mode_on()
    {
        Assert.Equal("true", Socket.Text("settings", "socket_mode_enabled"));
        Assert.DoesNotContain(Socket.AllNodes.OfType<YamlScalarNode>(), node => node.Value?.StartsWith("https://", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Both_manifests_declare_the_same_slash_commands()
    {
        static IEnumerable<string> Commands(YamlMappingNode manifest) =>
            ((YamlSequenceNode)manifest.At("features", "slash_commands")).Children.Select(command => command.Text("command"));

        Assert.Equal(["/decision", "/weekly-update"], Commands(Http).Order());
        Assert.Equal(Commands(Http), Commands(Socket));
        // The sandbox answers any other command as Slack does, without sending it to the app.
        Assert.Equal(Commands(Http).Order(), SandboxUiEndpoints.AppCommands.Order());
    }

    private static List<string> HandledEventTypes()
    {
        IServiceCollection? registered = null;
        var app = AppHost.Build(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = "Host=unused" }, services: s => registered = s);
        using var scope = app.Services.CreateScope();
        return registered!
            .Where(descriptor => typeof(ISlackEventHandler).IsAssignableFrom(descriptor.ServiceType))
            .Select(descriptor => ((ISlackEventHandler)scope.ServiceProvider.GetRequiredService(descriptor.ServiceType)).EventType)
            // Slack subscribes to message events per kind of conversation: the channels and private channels the bot is in.
            .SelectMany(type => type == "message" ? new[] { "message.channels", "message.groups" } : [type])
            .Distinct()
            .ToList();
    }
}
