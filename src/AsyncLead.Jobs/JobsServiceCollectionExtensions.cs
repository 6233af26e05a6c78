using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncLead.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="JobQueue"/> (enqueue and cancel), <see cref="JobWorker"/> (a hosted service that runs jobs when
    /// <c>Jobs:Enabled</c>) and <see cref="JobsOptions"/> bound from the <c>Jobs</c> section and validated at start.
    /// Needs an <see cref="Npgsql.NpgsqlDataSource"/> in the container; uses its <see cref="TimeProvider"/> if it has one.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new JobHandlers(
            provider.GetServices<JobHandlerRegistration>(), provider.GetRequiredService<IServiceScopeFactory>()));
        services.TryAddSingleton<JobQueue>();
        services.TryAddSingleton<JobWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<JobWorker>());
        return services;
    }

    /// <summary>Routes jobs of <typeparamref name="THandler"/>'s kind to it (one scoped instance per job).</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services)
        where THandler : class, IJobHandler
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new JobHandlerRegistration(typeof(THandler)));
        return services;
    }
}
