using System.Text;
using Listening.Core.Channels.Signatures;

namespace Listening.Core.Tests.Channels;

public class SignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"event_id\":\"e1\",\"text\":\"привет\"}");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_795_000_000);

    [Fact]
    public void Typeform_signature_over_the_raw_body_is_valid_and_any_change_is_not()
    {
        var header = TypeformSignature.Sign(Body, "tf-secret");
        Assert.StartsWith("sha256=", header);
        Assert.Equal(SignatureCheck.Valid, TypeformSignature.Verify(Body, "tf-secret", header));
        Assert.Equal(SignatureCheck.Invalid, TypeformSignature.Verify(Body, "other", header));
        var tampered = (byte[])Body.Clone(); tampered[^2] ^= 1;
        Assert.Equal(SignatureCheck.Invalid, TypeformSignature.Verify(tampered, "tf-secret", header));
        Assert.Equal(SignatureCheck.Invalid, TypeformSignature.Verify(Body, "tf-secret", header[7..]));
        Assert.Equal(SignatureCheck.Invalid, TypeformSignature.Verify(Body, "tf-secret", "sha256=%%%not-base64"));
        Assert.Equal(SignatureCheck.Missing, TypeformSignature.Verify(Body, "tf-secret", null));
        Assert.Equal(SignatureCheck.Missing, TypeformSignature.Verify(Body, null, header));
    }

    [Fact]
    public void Typeform_signature_matches_an_independently_computed_hmac()
    {
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("k"), Body));
        Assert.Equal(SignatureCheck.Valid, TypeformSignature.Verify(Body, "k", "sha256=" + expected));
    }

    private const string Whsec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public void Standard_webhook_signature_is_checked_against_id_timestamp_and_body()
    {
        var ts = Now.ToUnixTimeSeconds();
        var sig = StandardWebhookSignature.Sign(Body, Whsec, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", ts);
        Assert.Equal(SignatureCheck.Valid, StandardWebhookSignature.Verify(Body, Whsec, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", ts.ToString(), sig, Now));
        Assert.Equal(SignatureCheck.Invalid, StandardWebhookSignature.Verify(Body, Whsec, "msg_other", ts.ToString(), sig, Now));
        Assert.Equal(SignatureCheck.Invalid, StandardWebhookSignature.Verify(Body, Whsec, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", (ts + 1).ToString(), sig, Now));
        Assert.Equal(SignatureCheck.Missing, StandardWebhookSignature.Verify(Body, Whsec, null, ts.ToString(), sig, Now));
    }

    [Fact]
    public void Standard_webhook_accepts_any_of_several_signatures_during_secret_rotation()
    {
        var ts = Now.ToUnixTimeSeconds();
        var good = StandardWebhookSignature.Sign(Body, Whsec, "msg_1", ts);
        var header = $"v1,Zm9vYmFyYmF6cXV4cXV1eGZvb2Jhcg== v1a,ignored {good}";
        Assert.Equal(SignatureCheck.Valid, StandardWebhookSignature.Verify(Body, Whsec, "msg_1", ts.ToString(), header, Now));
    }

    [Fact]
    public void Standard_webhook_timestamp_more_than_five_minutes_off_is_stale()
    {
        var old = Now.AddMinutes(-6).ToUnixTimeSeconds();
        var sig = StandardWebhookSignature.Sign(Body, Whsec, "msg_1", old);
        Assert.Equal(SignatureCheck.Stale, StandardWebhookSignature.Verify(Body, Whsec, "msg_1", old.ToString(), sig, Now));
        var future = Now.AddMinutes(6).ToUnixTimeSeconds();
        sig = StandardWebhookSignature.Sign(Body, Whsec, "msg_1", future);
        Assert.Equal(SignatureCheck.Stale, StandardWebhookSignature.Verify(Body, Whsec, "msg_1", future.ToString(), sig, Now));
        var recent = Now.AddMinutes(-4).ToUnixTimeSeconds();
        sig = StandardWebhookSignature.Sign(Body, Whsec, "msg_1", recent);
        Assert.Equal(SignatureCheck.Valid, StandardWebhookSignature.Verify(Body, Whsec, "msg_1", recent.ToString(), sig, Now));
    }

    [Fact]
    public void SurveyMonkey_signature_uses_client_id_and_api_secret_as_the_key()
    {
        var sig = SurveyMonkeySignature.Sign(Body, "client-1", "api-secret");
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA1.HashData(Encoding.UTF8.GetBytes("client-1&api-secret"), Body));
        Assert.Equal(expected, sig);
        Assert.Equal(SignatureCheck.Valid, SurveyMonkeySignature.Verify(Body, "client-1", "api-secret", sig));
        Assert.Equal(SignatureCheck.Invalid, SurveyMonkeySignature.Verify(Body, "client-2", "api-secret", sig));
    }

    [Fact]
    public void Qualtrics_hmac_is_hex_sha512_of_the_msg_field()
    {
        var msg = Payload.Text("qualtrics-msg.json").Trim();
        var hmac = QualtricsSignature.Sign(msg, "shared-key");
        Assert.Equal(128, hmac.Length);
        Assert.Equal(SignatureCheck.Valid, QualtricsSignature.Verify(msg, "shared-key", hmac.ToUpperInvariant()));
        Assert.Equal(SignatureCheck.Invalid, QualtricsSignature.Verify(msg + " ", "shared-key", hmac));
        Assert.Equal(SignatureCheck.Missing, QualtricsSignature.Verify(msg, "shared-key", null));
    }

    [Fact]
    public void Listening_signature_signs_timestamp_and_body_and_expires()
    {
        var ts = Now.ToUnixTimeSeconds();
        var header = ListeningSignature.Sign(Body, "gf-secret", ts);
        Assert.Matches("^t=\\d+,v1=[0-9a-f]{64}$", header);
        Assert.Equal(SignatureCheck.Valid, ListeningSignature.Verify(Body, "gf-secret", header, Now));
        Assert.Equal(SignatureCheck.Invalid, ListeningSignature.Verify(Body, "gf-secret", header.Replace($"t={ts}", $"t={ts - 1}"), Now));
        Assert.Equal(SignatureCheck.Stale, ListeningSignature.Verify(Body, "gf-secret", header, Now.AddMinutes(10)));
        Assert.Equal(SignatureCheck.Invalid, ListeningSignature.Verify(Body, "gf-secret", "v1=abc", Now));
    }
}
