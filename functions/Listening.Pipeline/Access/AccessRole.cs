namespace Listening.Access;

/// <summary>
/// What a caller may do. Each HTTP endpoint needs one of these (<see cref="EndpointAccess"/>); a key carries the roles it was
/// given in configuration (<see cref="AccessOptions"/>), an Entra ID principal the app roles mapped to them.
/// </summary>
[Flags]
public enum AccessRole
{
    None = 0,
    /// <summary><c>POST /api/feedback</c> as an open caller: items are source <c>api</c>, every id derived.</summary>
    Ingest = 1,
    /// <summary><c>POST /api/feedback</c> naming source, external id and author id, like a signed webhook (the brand's own systems, the demo).</summary>
    TrustedIngest = 2,
    /// <summary><c>GET /api/feedback/{id}</c> with the personal data (text, author, url); without it the public shape only.</summary>
    ReadItems = 4,
    /// <summary>Any author's points (<c>GET /api/authors/{id}/points</c>); an author reads their own with the signed link.</summary>
    ReadPoints = 8,
    /// <summary><c>DELETE /api/authors/{id}</c>, <c>POST /api/erasures</c>.</summary>
    Erase = 16,
    /// <summary><c>GET /api/status</c> and other operator endpoints.</summary>
    Operate = 32,
    /// <summary><c>GET /api/reports/{brand}</c>.</summary>
    ReadReports = 64,
    /// <summary>Endpoints that name no narrower role (anything added later without an entry in <see cref="EndpointAccess"/>).</summary>
    Admin = 128,
    All = Ingest | TrustedIngest | ReadItems | ReadPoints | Erase | Operate | ReadReports | Admin,
}

public static class AccessRoles
{
    /// <summary>The configuration names: <c>ingest</c>, <c>trusted-ingest</c>, <c>read-items</c>, <c>read-points</c>, <c>erase</c>,
    /// <c>operate</c>, <c>read-reports</c>, <c>admin</c>; <c>*</c> = all.</summary>
    public static IReadOnlyDictionary<string, AccessRole> Names { get; } = new Dictionary<string, AccessRole>(StringComparer.OrdinalIgnoreCase)
    {
        ["ingest"] = AccessRole.Ingest,
        ["trusted-ingest"] = AccessRole.TrustedIngest,
        ["read-items"] = AccessRole.ReadItems,
        ["read-points"] = AccessRole.ReadPoints,
        ["erase"] = AccessRole.Erase,
        ["operate"] = AccessRole.Operate,
        ["read-reports"] = AccessRole.ReadReports,
        ["admin"] = AccessRole.Admin,
        ["*"] = AccessRole.All,
    };

    /// <summary>Roles from a comma- or space-separated list; unknown names are reported.</summary>
    public static (AccessRole Roles, IReadOnlyList<string> Unknown) Parse(string? list)
    {
        var roles = AccessRole.None;
        var unknown = new List<string>();
        foreach (var name in (list ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (Names.TryGetValue(name, out var role)) roles |= role; else unknown.Add(name);
        return (roles, unknown);
    }

    public static string Describe(AccessRole roles) => roles == AccessRole.All ? "*"
        : string.Join(",", Names.Where(n => n.Value != AccessRole.All && roles.HasFlag(n.Value)).Select(n => n.Key));
}
