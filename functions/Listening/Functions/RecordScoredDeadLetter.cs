using Listening.Storage;

namespace Listening.Functions;

/// <summary>Dead letters of <c>feedback-scored</c> (responding kept failing).</summary>
public sealed class RecordScoredDeadLetter(IFeedbackStore store, TimeProvider time) : DeadLetterRecorder(store, time);
