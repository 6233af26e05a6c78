using AsyncLead.Features.Members;
using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.WebApi;
using AsyncLead.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace AsyncLead.Features.Install;

public static class InstallFeature
{
    /// <summary>
    /// Installs and their tokens: Data Protection with its key ring in Postgres (shared by every replica), the token
    /// source every Web API call uses, the uninstall handlers and the purge command.
    /// </summary>
    public static IServiceCollection AddInstall(this IServiceCollection services)
    {
        services.AddSingleton<PostgresXmlRepository>();
        services.AddDataProtection().SetApplicationName("AsyncLead");
        services.AddOptions<KeyManagementOptions>()
            .Configure<PostgresXmlRepository>((options, repository) => options.XmlRepository = repository);

        services.AddWorkspaceDataKeeper<InstallationStore>();
        services.AddSingleton<IWorkspaceRemovals>(provider => provider.GetRequiredService<InstallationStore>());
        services.AddSingleton<ConfiguredBotWorkspace>();
        services.AddHostedService(provider => provider.GetRequiredService<ConfiguredBotWorkspace>());
        services.AddSingleton<InstallationTokenSource>();
        services.AddSingleton<ISlackTokenSource>(provider => provider.GetRequiredService<InstallationTokenSource>());
        services.AddSingleton<IGrantedScopes, GrantedScopes>();
        services.AddSingleton<ISlackRequestObserver, OrgWideTeamLinks>();
        services.AddSingleton<WorkspaceUninstall>();
        services.AddSingleton<WorkspacePurge>();
        services.AddSlackHandler<AppUninstalledHandler>();
        services.AddSlackHandler<TokensRevokedHandler>();
        return services;
    }
}
