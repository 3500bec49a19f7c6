namespace Listening.Core.Factors.Text;

/// <summary>A clause: its character span, the range of its words in the token list and the sentence it belongs to.</summary>
public readonly record struct Clause(int Start, int Length, int FirstToken, int TokenCount, int Sentence)
{
    public int End => Start + Length;
    public int EndToken => FirstToken + TokenCount;
}
