using AsyncLead.Features.Install;
using AsyncLead.Sandbox;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Storage;
using AsyncLead.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncLead.SandboxMode;

/// <summary>
/// Sandbox mode: with no Slack setting, the same bot serves a local Slack-like workspace at <c>/sandbox/</c>. It is
/// configured as for Slack, in memory: FakeSlack mapped on this host is its Slack (<c>Slack:ApiBaseUrl</c>), its
/// signing secret is new at every start, and people act through <see cref="SlackSimulator"/> as signed requests to
/// the bot's own <c>/slack/…</c> routes. The only switch is the host's <see cref="TimeProvider"/>, the sandbox clock.
/// </summary>
public static class SandboxModeExtensions
{
    /// <summary>
    /// Turns sandbox mode on when the settings allow it (see <see cref="SandboxSettings"/>); call after
    /// <c>AddAsyncLead</c>, whose clock it replaces. Admin commands (<c>migrate</c>, <c>purge-workspace</c>) never run a sandbox.
    /// A start that must not run (a real Slack setting with <c>AsyncLead__Sandbox=true</c>, a non-loopback address, a
    /// database not named <c>*_sandbox</c>) fails settings validation with the reason.
    /// </summary>
    public static WebApplicationBuilder AddSandboxWhenUnconfigured(this WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (args is ["migrate", ..] or [WorkspacePurge.CommandName, ..])
        {
            return builder;
        }

        var settings = SandboxSettings.Read(builder.Configuration);
        if (settings.Problems.Count > 0)
        {
            builder.Services.AddSingleton<IValidateOptions<AsyncLeadOptions>>(new SandboxRefusal(settings.Problems));
            return builder;
        }

        if (!settings.IsOn)
        {
            return builder;
        }

        var address = new SandboxAddress(settings.Address!);
        var clock = new SandboxClock(TimeProvider.System);
        var slack = FakeSlack.Create(clock, address.Sandbox);
        builder.WebHost.UseUrls(address.Root.ToString().TrimEnd('/'));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:SigningSecret"] = address.SigningSecret,
            // The install goes through OAuth with FakeSlack's app credentials; the bot token comes from it.
            ["Slack:ClientId"] = slack.ClientId,
            ["Slack:ClientSecret"] = slack.ClientSecret,
            ["AsyncLead:PublicUrl"] = address.Root.ToString().TrimEnd('/'),
            // SandboxJobs runs the queue, so a clock jump returns with its jobs done.
            ["Jobs:Enabled"] = "false",
        });

        builder.Services.AddSingleton(address);
        builder.Services.AddSingleton(clock);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        builder.Services.AddSingleton(_ => slack);
        builder.Services.AddSingleton(_ => new SlackSimulator(slack, new HttpClient { BaseAddress = address.Root }, address.SigningSecret, clock));
        builder.Services.AddSingleton<DatabaseWipe>();
        builder.Services.AddSingleton<SandboxJobs>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SandboxJobs>());
        builder.Services.AddSingleton<SandboxSeed>();
        builder.Services.AddSingleton<SandboxSampleWeek>();
        builder.Services.AddSingleton<ISandboxControls, SandboxControls>();
        builder.Services.AddSingleton<SandboxStartup>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SandboxStartup>());
        return builder;
    }

    /// <summary>
    /// In sandbox mode, maps FakeSlack (<c>api/{method}</c>, <c>response_url/{id}</c>, <c>link/</c>) and the page under
    /// <c>/sandbox</c>; the page's routes wait for the seed. Otherwise maps nothing.
    /// </summary>
    public static WebApplication MapSandbox(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<SandboxAddress>() is null)
        {
            return app;
        }

        var sandbox = app.MapGroup(SandboxAddress.Prefix);
        app.Services.GetRequiredService<FakeSlack>().MapEndpoints(sandbox);
        var page = sandbox.MapGroup("").AddEndpointFilter(WaitForSeedAsync);
        ActivatorUtilities.CreateInstance<SandboxUiEndpoints>(app.Services).Map(page);
        return app;
    }

    private static async ValueTask<object?> WaitForSeedAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            await http.RequestServices.GetRequiredService<SandboxStartup>().Seeded.WaitAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return PageLayout.Page("Sandbox unavailable",
                $"<h1>The sandbox could not be set up</h1><p>{PageLayout.Encode(ex.Message)}</p><p>The host's log says more; restart <code>./run.sh</code> to try again.</p>",
                StatusCodes.Status503ServiceUnavailable);
        }

        return await next(context);
    }

    private sealed class SandboxRefusal(IReadOnlyList<string> problems) : IValidateOptions<AsyncLeadOptions>
    {
        public ValidateOptionsResult Validate(string? name, AsyncLeadOptions options) => ValidateOptionsResult.Fail(problems);
    }
}
