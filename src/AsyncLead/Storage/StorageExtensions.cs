using Microsoft.Extensions.Options;
using Npgsql;

namespace AsyncLead.Storage;

public static class StorageExtensions
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
                if (TimeSpan.TryParse(configuration["Storage:StartupTimeout"], System.Globalization.CultureInfo.InvariantCulture, out var timeout))
                {
                    options.StartupTimeout = timeout;
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var dataSource = new NpgsqlDataSourceBuilder(options.ConnectionString)
            {
                Name = "asynclead",
            };
            dataSource.UseLoggerFactory(services.GetRequiredService<ILoggerFactory>());
            return dataSource.Build();
        });
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddSingleton<DatabaseReadiness>();
        return builder;
    }
}
