using AsyncLead;
using AsyncLead.SandboxMode;

if (args is ["healthcheck", ..])
{
    return await HealthProbe.RunAsync(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
}

// The content root is the binary's folder, not the working directory: `dotnet /opt/asynclead/AsyncLead.dll` run from
// anywhere still reads its appsettings.json (log levels among them: without it every SQL command is logged).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddAsyncLead();
// No Slack settings: the same bot with a local Slack-like workspace at /sandbox/ (SandboxMode/).
builder.AddSandboxWhenUnconfigured(args);

var app = builder.Build();
app.MapSandbox();

// Validates settings, maps endpoints, migrates, then serves; or runs `migrate` / `purge-workspace T123 --yes` and exits.
return await app.RunAsyncLeadAsync(args);

public partial class Program;
