using AsyncLead.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddAsyncLead();

var app = builder.Build();
app.MapAsyncLead();

// `dotnet AsyncLead.dll migrate` applies migrations and exits; anything else migrates, then serves.
return await app.RunAsyncLeadAsync(migrateOnly: args.Contains("migrate"));

public partial class Program;
