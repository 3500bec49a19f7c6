using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Listening.Pipeline;
using Microsoft.Extensions.Options;

namespace Listening.Access;

/// <summary>Who is calling, as far as the edge could tell: the roles they hold and how they proved them (never the key itself).</summary>
public sealed record Caller(AccessRole Roles, string Proof)
{
    public static readonly Caller Nobody = new(AccessRole.None, "none");

    public bool Has(AccessRole role) => (Roles & role) != 0;

    /// <summary>The roles of a caller on this machine while no key is configured: everything but naming sources and authors
    /// like a trusted channel — that needs a key even here.</summary>
    public static readonly Caller Loopback = new(AccessRole.All & ~AccessRole.TrustedIngest, "loopback");
}

public static class CallerHttpContextExtensions
{
    private const string Item = "listening.caller";

    /// <summary>The caller the edge authenticated (<see cref="Caller.Nobody"/> when the request did not pass the edge: a test
    /// calling a handler directly).</summary>
    public static Caller Caller(this HttpContext context) => context.Items.TryGetValue(Item, out var caller) && caller is Caller c ? c : Access.Caller.Nobody;

    public static void SetCaller(this HttpContext context, Caller caller) => context.Items[Item] = caller;
}

/// <summary>Which host the edge runs in: the local shape checks keys itself; on Azure the Functions host has checked the function key.</summary>
public enum AccessHost { Local, FunctionApp }

/// <summary>
/// The access rule of both hosts (<see cref="EndpointAccess"/> says what each endpoint needs):
/// <list type="bullet">
/// <item><c>X-Api-Key</c> — one of the configured keys (compared by SHA-256 in constant time) gives its roles; a wrong key is 401.</item>
/// <item>Local shape, no key configured — callers on this machine (loopback, or in-process) get <see cref="Caller.Loopback"/>;
/// anyone else is 401. Said so at start (<see cref="Describe"/>).</item>
/// <item>Function App — the Functions host admitted the request with a key of that function, which gives the roles the
/// function needs, except trusted ingest and the roles <see cref="AppServiceAuthenticationOptions.RequiredFor"/> reserves for
/// an Entra ID principal (<c>X-MS-CLIENT-PRINCIPAL</c>, trusted only with App Service authentication on).</item>
/// </list>
/// </summary>
public sealed class AccessControl
{
    private readonly AccessOptions options;
    private readonly List<(byte[] Digest, AccessRole Roles, string Name)> keys;

    public AccessControl(IOptions<AccessOptions> options)
    {
        this.options = options.Value;
        keys = this.options.Keys.Where(k => !string.IsNullOrWhiteSpace(k.Value.Key) || !string.IsNullOrWhiteSpace(k.Value.Sha256))
            .Select(k => (k.Value.Digest(), AccessRoles.Parse(k.Value.Roles).Roles, k.Key)).ToList();
    }

    public bool KeysConfigured => keys.Count > 0;

    /// <summary>One line for the start-up log: whether keys are on, and what callers without one get.</summary>
    public string Describe(AccessHost host) => host == AccessHost.FunctionApp
        ? $"access: function keys per function{(options.AppServiceAuthentication.Enabled ? ", App Service authentication (Entra ID) on" : "")}; {keys.Count} API key(s)"
        : KeysConfigured || options.RequireKeys
            ? $"access: API keys on ({keys.Count} key(s): {string.Join("; ", keys.Select(k => $"{k.Name} = {AccessRoles.Describe(k.Roles)}"))}); send {AccessOptions.Header}"
            : "access: API keys are OFF — only callers on this machine (loopback) are served, with every role but trusted-ingest; "
              + $"configure {AccessOptions.Section}:Keys before exposing the port";

    /// <summary>
    /// Authenticates the request for the endpoint <paramref name="name"/> and records the <see cref="Caller"/> on it. Returns
    /// null when the request may go on, else the problem to answer (401 without proof, 403 with the wrong role).
    /// </summary>
    public IResult? Authorize(HttpContext context, string? name, bool anonymous, AccessHost host)
    {
        var needed = EndpointAccess.For(name, anonymous);
        var (caller, refusal) = Authenticate(context, needed, host);
        context.SetCaller(caller);
        if (refusal is not null) return refusal;
        if (needed == AccessRole.None || caller.Has(needed)) return null;
        if (name is not null && EndpointAccess.OwnProof.Contains(name)) return null; // the handler checks its own proof
        return caller.Roles == AccessRole.None
            ? Problems.Of(401, "Unauthorized", $"send an API key ({AccessOptions.Header}) with one of the roles {AccessRoles.Describe(needed)}")
            : Problems.Of(403, "Forbidden", $"this endpoint needs one of the roles {AccessRoles.Describe(needed)}");
    }

    private (Caller Caller, IResult? Refusal) Authenticate(HttpContext context, AccessRole needed, AccessHost host)
    {
        var roles = AccessRole.None;
        var proof = new List<string>();
        if (context.Request.Headers.TryGetValue(AccessOptions.Header, out var presented) && presented.Count > 0)
        {
            if (Match(presented.ToString()) is not { } key)
                return (Caller.Nobody, Problems.Of(401, "Unauthorized", $"the {AccessOptions.Header} is not a configured key"));
            roles |= key.Roles;
            proof.Add($"key:{key.Name}");
        }
        if (host == AccessHost.FunctionApp)
        {
            if (needed != AccessRole.None)
            {
                // The host only runs a function-level function for a request with a valid key of it (or the host/master key).
                var reserved = AccessRoles.Parse(options.AppServiceAuthentication.RequiredFor).Roles | AccessRole.TrustedIngest;
                var implied = needed & ~reserved;
                if (implied == AccessRole.None && (needed & AccessRole.Ingest) != 0) implied = AccessRole.Ingest;
                roles |= implied;
                proof.Add("function-key");
            }
            if (options.AppServiceAuthentication.Enabled && Principal(context) is { } appRoles)
            {
                roles |= appRoles;
                proof.Add("entra");
            }
        }
        else if (proof.Count == 0 && !KeysConfigured && !options.RequireKeys)
        {
            if (!IsLocal(context.Connection.RemoteIpAddress))
                return (Caller.Nobody, needed == AccessRole.None ? null
                    : Problems.Of(401, "Unauthorized", $"API keys are off, so only callers on this machine are served; configure {AccessOptions.Section}:Keys"));
            return (Caller.Loopback, null);
        }
        return (roles == AccessRole.None ? Caller.Nobody : new Caller(roles, string.Join("+", proof)), null);
    }

    private (AccessRole Roles, string Name)? Match(string presented)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented.Trim()));
        (AccessRole, string)? found = null;
        foreach (var key in keys) // every key compared, in constant time: no early exit that times the match
            if (CryptographicOperations.FixedTimeEquals(digest, key.Digest)) found = (key.Roles, key.Name);
        return found;
    }

    /// <summary>In-process (no remote address: the test server) or a loopback address.</summary>
    private static bool IsLocal(IPAddress? address) => address is null || IPAddress.IsLoopback(address)
        || (address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(address.MapToIPv4()));

    /// <summary>The app roles of an App Service authentication principal: <c>Listening.{Role}</c> → that role.</summary>
    private static AccessRole? Principal(HttpContext context)
    {
        if (!context.Request.Headers.TryGetValue("X-MS-CLIENT-PRINCIPAL", out var header) || header.Count == 0) return null;
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(header.ToString()));
            var roleType = json.RootElement.TryGetProperty("role_typ", out var rt) ? rt.GetString() : null;
            var roles = AccessRole.None;
            foreach (var claim in json.RootElement.GetProperty("claims").EnumerateArray())
            {
                var type = claim.GetProperty("typ").GetString();
                if (type != roleType && type != "roles") continue;
                var value = claim.GetProperty("val").GetString() ?? "";
                if (value.StartsWith("Listening.", StringComparison.Ordinal) && Enum.TryParse<AccessRole>(value["Listening.".Length..], out var role)
                    && role != AccessRole.All)
                    roles |= role;
            }
            return roles;
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException) { return null; }
    }
}

/// <summary>The local host's edge: every routed request passes <see cref="AccessControl.Authorize"/> before its handler.</summary>
public sealed class AccessMiddleware(RequestDelegate next, AccessControl access)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is not null)
        {
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            var anonymous = endpoint.Metadata.GetMetadata<FunctionAccess>() == FunctionAccess.Anonymous;
            if (access.Authorize(context, name, anonymous, AccessHost.Local) is { } refusal)
            {
                await refusal.ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }
}

public static class AccessServiceCollectionExtensions
{
    /// <summary>Keys and roles (<c>Listening:Access</c>), validated at start.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>>(new Responses.ProblemsValidator<AccessOptions>(o => o.Problems()));
        services.AddSingleton<AccessControl>();
        services.AddAuthorLinks();
        return services;
    }
}
