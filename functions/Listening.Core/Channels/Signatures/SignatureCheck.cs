namespace Listening.Core.Channels.Signatures;

/// <summary>Outcome of a webhook signature check. Anything but <see cref="Valid"/> is answered 401.</summary>
public enum SignatureCheck
{
    Valid,
    /// <summary>No signature header (or no secret configured for the tool and brand).</summary>
    Missing,
    /// <summary>A signature was present but did not match.</summary>
    Invalid,
    /// <summary>Signed correctly, but the timestamp is outside the tolerance (a replay or a skewed clock).</summary>
    Stale,
}
