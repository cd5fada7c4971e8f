using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Chat.ServiceDefaults;

public static class DataSourceExtensions
{
    /// <summary>
    /// Registers the service's one <see cref="NpgsqlDataSource"/>, built from
    /// ConnectionStrings:{name} (env: ConnectionStrings__{name}), and a readiness check on it.
    /// </summary>
    public static TBuilder AddChatDataSource<TBuilder>(this TBuilder builder, string name = "Chat",
        Action<NpgsqlDataSourceBuilder>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(name);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string '{name}' is not set (configuration ConnectionStrings:{name}, environment ConnectionStrings__{name}).");
        }

        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        dataSourceBuilder.ConnectionStringBuilder.ApplicationName ??= builder.Environment.ApplicationName;
        configure?.Invoke(dataSourceBuilder);
        builder.Services.AddSingleton(_ => dataSourceBuilder.Build());

        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "postgres",
            services => new PostgresHealthCheck(services.GetRequiredService<NpgsqlDataSource>()),
            HealthStatus.Unhealthy,
            [ServiceDefaultsExtensions.ReadyTag],
            TimeSpan.FromSeconds(5)));
        return builder;
    }
}
