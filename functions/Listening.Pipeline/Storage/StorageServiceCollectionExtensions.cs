using System.ComponentModel.DataAnnotations;
using Listening.Channels.Polling;
using Listening.Erasure;
using Listening.Ingest;
using Listening.Reports;
using Listening.Responses;
using Listening.Storage.Cosmos;
using Listening.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Listening.Storage;

/// <summary>Where the local shape keeps its one SQLite file (documents and, with the SQLite queue, the queues).</summary>
public sealed class SqliteOptions
{
    public const string Section = "Listening:Local";

    [Required] public string DataDir { get; set; } = ".data";

    public string DatabasePath => Path.Combine(DataDir, "listening.db");
}

public static class StorageServiceCollectionExtensions
{
    public const string KindKey = "Listening:Store:Kind";

    /// <summary>
    /// Every store port, from one adapter family chosen by <c>Listening:Store:Kind</c>: <c>Sqlite</c> (default: the
    /// local shape's one file) or <c>Cosmos</c> (the Azure shape; the Bicep template sets it) — the feedback store, the
    /// responses store, the ingest spam history, the polled sources' state and the report store. The feature
    /// registrations add none of their own, so the order of the Add calls does not matter.
    /// </summary>
    public static IServiceCollection AddStores(this IServiceCollection services, IConfiguration configuration)
    {
        var kind = configuration[KindKey];
        if (string.Equals(kind, "Cosmos", StringComparison.OrdinalIgnoreCase)) return services.AddCosmosStores();
        if (kind is not null && !string.Equals(kind, "Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{KindKey} must be Sqlite or Cosmos, not '{kind}'");

        services.AddSqliteDatabase();
        services.AddErasure();
        services.AddSingleton<Erasure.IErasureRegistry, SqliteErasures>();
        services.AddSingleton<IFeedbackStore, SqliteFeedbackStore>();
        services.AddSingleton<IResponseStore, Storage.Sqlite.SqliteResponseStore>();
        services.AddSingleton<ISpamHistory, SqliteSpamHistory>();
        services.AddSingleton<ISourceStateStore, SqliteSourceStateStore>();
        services.AddSingleton<IReportStore, SqliteReportStore>();
        return services;
    }

    /// <summary>
    /// Builds the stores and the queue now, before the host takes requests: their tables exist and a broken store fails
    /// the start, not the first request. (Built by the first burst of requests, the SQLite adapters once stalled intake
    /// for 6–20 s after a start — their constructors waited on the writer loop while the requests held every thread;
    /// they now write on their own thread, <see cref="Sqlite.SqliteDatabase.WriteNow{T}"/>.)
    /// </summary>
    public static void OpenStores(IServiceProvider services)
    {
        services.GetRequiredService<Erasure.IErasureRegistry>();
        services.GetRequiredService<IFeedbackStore>();
        services.GetRequiredService<IResponseStore>();
        services.GetRequiredService<ISpamHistory>();
        services.GetService<Queues.IQueueSender>();
    }

    /// <summary>The local SQLite file (opened on first use): the SQLite stores' and the SQLite queue's.</summary>
    public static IServiceCollection AddSqliteDatabase(this IServiceCollection services)
    {
        services.AddOptions<SqliteOptions>().BindConfiguration(SqliteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<SqliteOptions>>().Value.DatabasePath));
        return services;
    }
}
