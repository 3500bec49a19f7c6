namespace Listening.Core.Factors.Evaluation;

/// <summary>
/// The deterministic development split: an item is in dev when the FNV-1a hash of its key (its
/// text for SemEval, whose 2014 and 2016 files share sentences; its id elsewhere) is 0 mod 5 —
/// a fixed fifth, the same on every machine and run. Everything else is the train part.
/// </summary>
public static class DevSplit
{
    public const int Folds = 5;

    public static bool IsDev(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash % Folds == 0;
    }
}
