using AsyncLead.Observability;
using AsyncLead.Outbox;
using AsyncLead.Features.Decisions;
using AsyncLead.Features.Digest;
using AsyncLead.Features.Home;
using AsyncLead.Features.Install;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Jobs;
using AsyncLead.Slack;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.Receivers;
using AsyncLead.Slack.WebApi;
using AsyncLead.Storage;
using AsyncLead.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AsyncLead;

/// <summary>The composition of the app: what Program.cs and the test host both call, so tests run the real thing.</summary>
public static class AsyncLeadHost
{
    public static WebApplicationBuilder AddAsyncLead(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddOptions<AsyncLeadOptions>().BindConfiguration(AsyncLeadOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AsyncLeadOptions>, AsyncLeadOptionsValidator>();
        builder.Services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();

        builder.AddStorage();
        builder.Services.AddSlackReceivers();
        builder.Services.AddSingleton<ISlackEventReceipts, SlackEventReceipts>();
        builder.Services.AddSlackWebApi();
        builder.Services.AddJobs();
        builder.Services.AddSingleton<IRetryLaterPolicy, SlackRateLimitRetry>();
        builder.Services.AddSlackPosting<SlackPostLedger, BotChannelLedger>();
        builder.Services.AddWorkspaceDataKeeper<SlackEventReceipts>()
            .AddWorkspaceDataKeeper<SlackPostLedger>()
            .AddWorkspaceDataKeeper<BotChannelLedger>();
        builder.AddObservability();

        builder.Services.AddOutbox();
        builder.Services.AddWebPages();
        builder.Services.AddInstall();
        builder.Services.AddMembers();
        builder.Services.AddWeeklyUpdates();
        builder.Services.AddDecisions();
        builder.Services.AddDigest();
        builder.Services.AddHome();
        return builder;
    }

    public static WebApplication MapAsyncLead(this WebApplication app)
    {
        app.UseSlackRequestMetrics();
        app.MapHealthEndpoints();
        app.MapStatusPage();
        app.MapWebPages();
        app.MapSlackReceivers();
        app.MapInstall();
        return app;
    }

    /// <summary>
    /// Validates settings, maps the endpoints, migrates the database, then serves until stopped, or runs an admin
    /// command instead: <c>migrate</c> (stops after migrating) or <c>purge-workspace T123 [--yes]</c>. Settings come
    /// first so a bad one is reported as such, not as a failure of whatever happened to read it. Returns the exit code.
    /// </summary>
    public static async Task<int> RunAsyncLeadAsync(this WebApplication app, string[] args)
    {
        try
        {
            app.ValidateSettings();
            app.MapAsyncLead();
            await app.MigrateDatabaseAsync(app.Lifetime.ApplicationStopping);
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync($"AsyncLead can't start:{Environment.NewLine}{ex.Message}");
            return 2;
        }

        if (args is ["migrate", ..])
        {
            return 0;
        }

        if (args is [WorkspacePurge.CommandName, ..])
        {
            return await app.Services.GetRequiredService<WorkspacePurge>().RunAsync(args, Console.Out, app.Lifetime.ApplicationStopping);
        }

        app.Lifetime.ApplicationStarted.Register(() => LogWhereWeListen(app));
        await app.RunAsync();
        return 0;
    }

    /// <summary>Runs every options validator now, turning failures into one readable message.</summary>
    public static void ValidateSettings(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception ex) when (ex is OptionsValidationException or AggregateException)
        {
            var failures = ex is AggregateException aggregate
                ? aggregate.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures)
                : ((OptionsValidationException)ex).Failures;
            throw new StartupException(string.Join(Environment.NewLine, failures.Select(f => $"  - {f}")));
        }
    }

    private static void LogWhereWeListen(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            app.Logger.LogInformation("AsyncLead is ready at {Address} (status page: {Address}/, Slack requests: {Address}/slack/...)", address, address, address);
        }
    }
}
