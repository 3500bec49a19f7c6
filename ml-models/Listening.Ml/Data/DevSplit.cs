namespace Listening.Ml.Data;

/// <summary>
/// The deterministic development split: a row is dev when the FNV-1a hash of its id falls in the
/// lowest 20 of 100 buckets. Independent of file order, machine and run.
/// </summary>
public static class DevSplit
{
    public const int DevPercent = 20;

    public static bool IsDev(string id) => Bucket(id) < DevPercent;

    /// <summary>0–99, stable for an id; also used to sample training rows deterministically.</summary>
    public static int Bucket(string id, uint salt = 0) => (int)(Hash(id, salt) % 100);

    public static uint Hash(string id, uint salt = 0)
    {
        var h = 2166136261u ^ salt;
        foreach (var c in id) h = (h ^ c) * 16777619u;
        h ^= h >> 15;
        h *= 0x2C1B3C6D;
        h ^= h >> 12;
        return h;
    }
}
