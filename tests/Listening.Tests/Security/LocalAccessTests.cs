using System.Net;
using Listening.Access;
using Listening.Pipeline;
using Listening.Responses;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Listening.Tests.Security;

/// <summary>
/// Finding 5 of issue 14, the local shape's rule (<see cref="AccessControl"/> as <c>listening serve</c> runs it): keys per
/// role; with no key configured only callers on this machine are served — never with trusted-ingest — and the process says so
/// at start; <c>RequireKeys</c> turns even that off. The caller's address is set on the request as Kestrel sets it.
/// </summary>
public sealed class LocalAccessTests
{
    private const string IngestKey = "local-ingest-key-000000000000001", EraseKey = "local-erase-key-0000000000000002";

    private static AccessControl Access(bool keys, bool requireKeys = false)
    {
        var options = new AccessOptions { RequireKeys = requireKeys };
        if (keys)
        {
            options.Keys["ingest"] = new ApiKeyOptions { Key = IngestKey, Roles = "ingest" };
            options.Keys["eraser"] = new ApiKeyOptions { Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(EraseKey))), Roles = "erase" };
        }
        return new AccessControl(Options.Create(options));
    }

    /// <summary>The status the edge answers (200: let through), and the caller it recorded.</summary>
    private static (int Status, Caller Caller) Authorize(AccessControl access, string endpoint, string remote, string? key = null, bool anonymous = false)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (key is not null) context.Request.Headers[AccessOptions.Header] = key;
        var refusal = access.Authorize(context, endpoint, anonymous, AccessHost.Local);
        return (refusal is null ? 200 : ((ProblemHttpResult)refusal).StatusCode, context.Caller());
    }

    private static readonly string[] Loopback = ["127.0.0.1", "::1", "::ffff:127.0.0.1"];
    private static readonly string[] Remote = ["10.0.0.5", "192.168.1.20", "203.0.113.7", "::ffff:10.0.0.5", "2001:db8::1"];

    [Fact]
    public void Without_keys_callers_on_this_machine_get_every_role_but_trusted_ingest_and_everyone_else_is_refused()
    {
        var access = Access(keys: false);
        foreach (var address in Loopback)
        {
            Assert.Equal(200, Authorize(access, AuthorEndpoints.EraseName, address).Status);
            var caller = Authorize(access, IngestFeedbackName, address).Caller;
            Assert.True(caller.Has(AccessRole.Ingest));
            Assert.False(caller.Has(AccessRole.TrustedIngest), address);
        }
        foreach (var address in Remote)
        {
            foreach (var endpoint in new[] { AuthorEndpoints.EraseName, AuthorEndpoints.ErasureName, IngestFeedbackName, StatusEndpoints.GetFeedbackName, StatusEndpoints.StatusName })
                Assert.True(Authorize(access, endpoint, address).Status == 401, $"{endpoint} from {address}");
            // The signed webhooks authenticate themselves: they stay open to the platforms.
            Assert.Equal(200, Authorize(access, "WebhookTypeform", address, anonymous: true).Status);
        }
        // Said so at start: LocalApp logs this line as a warning.
        var start = access.Describe(AccessHost.Local);
        Assert.Contains("OFF", start);
        Assert.Contains("loopback", start);
    }

    [Fact]
    public void Require_keys_refuses_even_a_caller_on_this_machine_without_one()
    {
        var access = Access(keys: false, requireKeys: true);
        foreach (var address in Loopback)
            Assert.Equal(401, Authorize(access, AuthorEndpoints.EraseName, address).Status);
        Assert.DoesNotContain("OFF", access.Describe(AccessHost.Local));
    }

    [Fact]
    public void With_keys_configured_a_key_is_needed_from_any_address_and_an_ingest_key_cannot_erase()
    {
        var access = Access(keys: true);
        foreach (var address in Loopback.Concat(Remote))
        {
            Assert.Equal(401, Authorize(access, AuthorEndpoints.EraseName, address).Status);
            Assert.Equal(401, Authorize(access, AuthorEndpoints.EraseName, address, "not-a-configured-key-00000000000").Status);
            Assert.Equal(403, Authorize(access, AuthorEndpoints.EraseName, address, IngestKey).Status);
            Assert.Equal(403, Authorize(access, AuthorEndpoints.ErasureName, address, IngestKey).Status);
            Assert.Equal(200, Authorize(access, AuthorEndpoints.EraseName, address, EraseKey).Status);
            Assert.Equal(200, Authorize(access, IngestFeedbackName, address, IngestKey).Status);
            Assert.False(Authorize(access, IngestFeedbackName, address, IngestKey).Caller.Has(AccessRole.TrustedIngest));
        }
        Assert.DoesNotContain(IngestKey, access.Describe(AccessHost.Local));
        Assert.DoesNotContain(EraseKey, access.Describe(AccessHost.Local));
    }

    private const string IngestFeedbackName = Listening.Ingest.IngestFeedback.Name;
}
