namespace Listening.Core.Factors.Cues;

/// <summary>
/// The opinion cues of a clause (after negation, sarcasm and scare quotes), its explicitly neutral words, and how many
/// of its positive cues are only soft: a denied complaint ("no issue", «не дорого») or a mild word ("fine", «нормальные»).
/// For a level factor such as price, soft praise places the level as acceptable — neutral, not a strength.
/// </summary>
public readonly record struct ClauseCues(CueScore Score, int Neutral, int Soft = 0)
{
    /// <summary>Every positive cue is soft and nothing is negative.</summary>
    public bool OnlySoftPraise => Score.Negative == 0 && Score.Positive > 0 && Soft >= Score.Positive;
}
