using System.ComponentModel.DataAnnotations;

namespace Listening.Ingest;

public sealed class IngestOptions
{
    public const string Section = "Listening:Ingest";

    /// <summary>Largest accepted body (413 beyond).</summary>
    [Range(1024, 64 * 1024 * 1024)] public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Most items in one array body (413 beyond).</summary>
    [Range(1, 100_000)] public int MaxBatchItems { get; set; } = 1000;
}
