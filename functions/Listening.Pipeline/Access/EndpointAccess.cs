using Listening.Ingest;
using Listening.Pipeline;
using Listening.Reports;
using Listening.Responses;

namespace Listening.Access;

/// <summary>
/// Which roles each HTTP endpoint (by its name, the same on both hosts) accepts — any one of them is enough. Anonymous
/// endpoints (<see cref="FunctionAccess.Anonymous"/>: the signed webhooks, health) need none. An endpoint with a function
/// key (<see cref="FunctionAccess.Key"/>) that has no entry here needs <see cref="AccessRole.Admin"/>: a new endpoint is
/// closed until it names its role. docs/security.md explains how to add one.
/// </summary>
public static class EndpointAccess
{
    public static IReadOnlyDictionary<string, AccessRole> Roles { get; } = new Dictionary<string, AccessRole>(StringComparer.Ordinal)
    {
        [IngestFeedback.Name] = AccessRole.Ingest | AccessRole.TrustedIngest,
        // Ingest callers may follow their items (the public shape); the personal data needs read-items.
        [StatusEndpoints.GetFeedbackName] = AccessRole.ReadItems | AccessRole.Ingest | AccessRole.TrustedIngest,
        [StatusEndpoints.StatusName] = AccessRole.Operate,
        [ActionMatrixEndpoints.Name] = AccessRole.ReadReports,
        // The drill-down the report links to: the same readers (authors masked to initials, as in the report).
        [ActionMatrixEndpoints.MentionsName] = AccessRole.ReadReports,
        // An author may also read their own points with the signed link of their thank-you (checked by the handler).
        [AuthorEndpoints.PointsName] = AccessRole.ReadPoints,
        [AuthorEndpoints.EraseName] = AccessRole.Erase,
        [AuthorEndpoints.ErasureName] = AccessRole.Erase,
    };

    /// <summary>Endpoints whose handler accepts proof other than a role (the points link): the edge lets such a request through.</summary>
    public static IReadOnlySet<string> OwnProof { get; } = new HashSet<string>(StringComparer.Ordinal) { AuthorEndpoints.PointsName };

    /// <summary>The roles an endpoint accepts; <see cref="AccessRole.None"/> = anonymous.</summary>
    public static AccessRole For(string? name, bool anonymous) =>
        anonymous ? AccessRole.None : name is not null && Roles.TryGetValue(name, out var roles) ? roles : AccessRole.Admin;
}
