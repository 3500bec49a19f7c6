using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Listening.Storage.Cosmos;

namespace Listening.Tests.Stores.Cosmos;

/// <summary>Collects the adapter's <c>listening.cosmos.*</c> measurements, by operation.</summary>
internal sealed class RequestUnitsListener : IDisposable
{
    private readonly MeterListener listener = new();
    private long operations;

    public ConcurrentDictionary<string, double> ByOperation { get; } = new();
    public long Operations => Interlocked.Read(ref operations);
    public double Total => ByOperation.Values.Sum();

    public RequestUnitsListener()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CosmosRequestCharges.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "operation") ByOperation.AddOrUpdate((string)tag.Value!, value, (_, sum) => sum + value);
        });
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref operations, value));
        listener.Start();
    }

    public void Reset()
    {
        ByOperation.Clear();
        Interlocked.Exchange(ref operations, 0);
    }

    public void Dispose() => listener.Dispose();
}
