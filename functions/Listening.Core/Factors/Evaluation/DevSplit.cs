namespace Listening.Core.Factors.Evaluation;

/// <summary>
/// The deterministic development split, the same as the sentiment model's (Listening.Ml.Data.DevSplit on the
/// sentiment branch) so that clause polarity measured with that model is measured on rows it never trained
/// on: a row is dev when its id falls in the lowest 20 of 100 buckets of a mixed FNV-1a hash.
/// </summary>
public static class DevSplit
{
    public const int DevPercent = 20;

    public static bool IsDev(string id) => Hash(id) % 100 < DevPercent;

    private static uint Hash(string id)
    {
        var h = 2166136261u;
        foreach (var c in id) h = (h ^ c) * 16777619u;
        h ^= h >> 15;
        h *= 0x2C1B3C6D;
        h ^= h >> 12;
        return h;
    }
}
