using Listening.Access;
using Listening.Erasure;

namespace Listening.Tests.Security;

/// <summary>The deployment secret and API keys the test hosts are configured with.</summary>
public static class TestKeys
{
    /// <summary>Base64 of 32 fixed bytes: <c>Listening:Security:Key</c> of every test host, so a test can compute the ids the host derives.</summary>
    public static readonly string Secret = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());

    public static readonly ListeningKeys Keys = new(Convert.FromBase64String(Secret));
    public static readonly PersonKeys Person = new(Keys);

    /// <summary>The key the shared test hosts give their default client: every role (what the tests of other features assume).</summary>
    public const string Admin = "test-admin-key-with-every-role-0001";
}

/// <summary>The ids the test hosts derive (keyed with <see cref="TestKeys.Secret"/>) for what a trusted sender hands in: webhooks,
/// polled sources, import and the shared hosts' default client.</summary>
public static class TestIds
{
    public static string Item(string source, string? externalId, string brand, string text) =>
        TestKeys.Keys.Ids.ItemId(Core.Feedback.IngestTrust.Trusted, source, externalId, brand, text);

    public static string Author(string source, string handleOrContact) =>
        TestKeys.Keys.Ids.AuthorId(Core.Feedback.IngestTrust.Trusted, source, handleOrContact);
}
