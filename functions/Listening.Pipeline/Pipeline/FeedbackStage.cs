namespace Listening.Pipeline;

/// <summary>How far an item got through the pipeline. Ordered: a stage only moves forward.</summary>
public enum FeedbackStage { Ingested = 0, Scored = 1, Responded = 2, DeadLettered = 3 }
