using AsyncLead.Hosting;

if (args is ["healthcheck", ..])
{
    return await HealthProbe.RunAsync(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
}

var builder = WebApplication.CreateBuilder(args);
builder.AddAsyncLead();

var app = builder.Build();
app.MapAsyncLead();

// `dotnet AsyncLead.dll migrate` applies migrations and exits; anything else migrates, then serves.
return await app.RunAsyncLeadAsync(migrateOnly: args.Contains("migrate"));

public partial class Program;
