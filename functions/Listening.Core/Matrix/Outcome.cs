namespace Listening.Core.Matrix;

/// <summary>The overall outcome a factor's sentiment is correlated with to derive its importance.</summary>
public enum Outcome { Rating, Nps, DocumentSentiment }

/// <summary>How importance was measured for a matrix.</summary>
public enum ImportanceMeasure { RatingCorrelation, NpsCorrelation, SentimentCorrelation, ShareOfMentions }
