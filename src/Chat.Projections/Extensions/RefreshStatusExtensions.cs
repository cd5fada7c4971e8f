using Chat.Contracts.Projections;
using Chat.Projections.Status;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Weasel.Core;

namespace Chat.Projections.Extensions;

public static class RefreshStatusExtensions
{
    /// <summary>The schema the refresh history and status documents live in (owned by chat_projections).</summary>
    public const string Schema = "projection_status";

    /// <summary>
    /// Marten, on the service's data source: an event stream per view and its status document,
    /// stored as Chat.Query expects to read them (projection_status.mt_doc_view_refresh_status,
    /// System.Text.Json, camelCase, enums as strings). Also the gauges kept from those documents.
    /// </summary>
    public static TBuilder AddChatRefreshStatus<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddMarten(store =>
            {
                store.DatabaseSchemaName = Schema;
                store.Events.DatabaseSchemaName = Schema;
                store.Events.StreamIdentity = StreamIdentity.AsString;
                store.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                store.Schema.For<ViewRefreshStatus>().DocumentAlias("view_refresh_status");
                store.Projections.Add<ViewRefreshStatusProjection>(ProjectionLifecycle.Inline);
                // Tables are created on first use rather than at start, so a database that is away
                // at start delays the first record instead of stopping the service.
                store.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            })
            .UseNpgsqlDataSource();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RefreshRecorder>();
        builder.Services.AddHostedService<StalenessMonitor>();
        return builder;
    }
}
