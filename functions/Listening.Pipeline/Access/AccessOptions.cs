using System.Security.Cryptography;
using System.Text;

namespace Listening.Access;

/// <summary>
/// Configuration section <c>Listening:Access</c>: the API keys and what each may do, e.g.
/// <c>Listening:Access:Keys:crm:Key = …</c>, <c>Listening:Access:Keys:crm:Roles = read-points,erase</c>
/// (environment: <c>Listening__Access__Keys__crm__Key</c>). A key may be given as its SHA-256 instead (<c>Sha256</c>, hex), so the
/// configuration need not hold it in clear. Callers send it as <c>X-Api-Key</c>.
/// </summary>
public sealed class AccessOptions
{
    public const string Section = "Listening:Access";
    public const string Header = "X-Api-Key";

    public Dictionary<string, ApiKeyOptions> Keys { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Require a key even when no key is configured and the caller is on this machine (the local shape serves loopback
    /// callers without keys otherwise).</summary>
    public bool RequireKeys { get; set; }

    /// <summary>Azure: App Service authentication (Entra ID) in front of the Function App.</summary>
    public AppServiceAuthenticationOptions AppServiceAuthentication { get; set; } = new();

    public IEnumerable<string> Problems()
    {
        foreach (var (name, key) in Keys)
        {
            if (string.IsNullOrWhiteSpace(key.Key) && string.IsNullOrWhiteSpace(key.Sha256)) continue; // switched off (an empty override)
            if (!string.IsNullOrWhiteSpace(key.Key) && !string.IsNullOrWhiteSpace(key.Sha256))
                yield return $"{Section}:Keys:{name}: give one of Key and Sha256, not both";
            else if (key.Key is { } clear && clear.Trim().Length < 24)
                yield return $"{Section}:Keys:{name}:Key must be at least 24 characters (e.g. openssl rand -base64 32)";
            else if (key.Sha256 is { } hex && (hex.Trim().Length != 64 || !hex.Trim().All(Uri.IsHexDigit)))
                yield return $"{Section}:Keys:{name}:Sha256 must be 64 hex digits";
            var (roles, unknown) = AccessRoles.Parse(key.Roles);
            if (unknown.Count > 0) yield return $"{Section}:Keys:{name}:Roles: unknown role(s) {string.Join(", ", unknown)} (known: {string.Join(", ", AccessRoles.Names.Keys)})";
            else if (roles == AccessRole.None) yield return $"{Section}:Keys:{name}:Roles is empty";
        }
        var (required, unknownRequired) = AccessRoles.Parse(AppServiceAuthentication.RequiredFor);
        if (unknownRequired.Count > 0) yield return $"{Section}:AppServiceAuthentication:RequiredFor: unknown role(s) {string.Join(", ", unknownRequired)}";
        if (required != AccessRole.None && !AppServiceAuthentication.Enabled)
            yield return $"{Section}:AppServiceAuthentication:RequiredFor needs AppServiceAuthentication:Enabled (App Service authentication configured)";
    }
}

public sealed class ApiKeyOptions
{
    /// <summary>The key in clear (at least 24 characters).</summary>
    public string? Key { get; set; }
    /// <summary>Or its SHA-256, hex.</summary>
    public string? Sha256 { get; set; }
    /// <summary>Comma-separated roles (<see cref="AccessRoles.Names"/>).</summary>
    public string? Roles { get; set; }

    public byte[] Digest() => Key is { } clear ? SHA256.HashData(Encoding.UTF8.GetBytes(clear.Trim())) : Convert.FromHexString(Sha256!.Trim());
}

/// <summary>
/// App Service authentication ("Easy Auth") with Entra ID in front of the Function App: the platform validates the caller's
/// token and passes the principal in <c>X-MS-CLIENT-PRINCIPAL</c> (and strips that header from client requests), so the app
/// may trust it only when this is on. App roles <c>Listening.Erase</c>, <c>Listening.ReadItems</c>, … (the role name after
/// <c>Listening.</c>) grant the roles of the same name.
/// </summary>
public sealed class AppServiceAuthenticationOptions
{
    public bool Enabled { get; set; }

    /// <summary>Roles a function key alone does not grant: the caller also needs an Entra principal with the app role
    /// (e.g. <c>erase,read-items,read-points</c>: the admin surface).</summary>
    public string? RequiredFor { get; set; }
}
