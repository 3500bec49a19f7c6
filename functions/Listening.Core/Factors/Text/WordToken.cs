namespace Listening.Core.Factors.Text;

/// <summary>
/// One word of a text: where it is, its lower-cased surface form (ё folded to е) and its Snowball stem.
/// </summary>
public readonly record struct WordToken(int Start, int Length, string Lower, string Stem)
{
    public int End => Start + Length;

    /// <summary>Whether the word starts with a capital letter in the text (a name: «Анна Викторовна», "Dr. Reyes").</summary>
    public bool Capitalised { get; init; }
}
