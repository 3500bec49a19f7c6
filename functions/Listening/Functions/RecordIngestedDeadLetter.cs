using Listening.Storage;

namespace Listening.Functions;

/// <summary>Dead letters of <c>feedback-ingested</c> (scoring kept failing).</summary>
public sealed class RecordIngestedDeadLetter(IFeedbackStore store, TimeProvider time) : DeadLetterRecorder(store, time);
