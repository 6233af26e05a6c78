using AsyncLead.Hosting;

if (args is ["healthcheck", ..])
{
    return await HealthProbe.RunAsync(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
}

var builder = WebApplication.CreateBuilder(args);
builder.AddAsyncLead();

var app = builder.Build();

// Validates settings, maps endpoints, migrates, then serves; `dotnet AsyncLead.dll migrate` stops after migrating.
return await app.RunAsyncLeadAsync(migrateOnly: args.Contains("migrate"));

public partial class Program;
