using AsyncLead;

if (args is ["healthcheck", ..])
{
    return await HealthProbe.RunAsync(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
}

var builder = WebApplication.CreateBuilder(args);
builder.AddAsyncLead();

var app = builder.Build();

// Validates settings, maps endpoints, migrates, then serves; or runs `migrate` / `purge-workspace T123 --yes` and exits.
return await app.RunAsyncLeadAsync(args);

public partial class Program;
