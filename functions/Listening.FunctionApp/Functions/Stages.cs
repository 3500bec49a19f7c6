using Listening.Pipeline;
using Listening.Queues;
using Listening.Responses;
using Listening.Scoring;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Listening.FunctionApp.Functions;

/// <summary>
/// The queue stages, driven by a timer until the worker's Service Bus trigger extension can be built here: each run drains
/// the stage's queue through <see cref="QueueDrain"/> (peek-lock receive in batches, the stage per message, explicit
/// complete / abandon / dead-letter, lock renewal) up to <see cref="ConsumerOptions.DrainMaxMessages"/> or
/// <see cref="ConsumerOptions.DrainTimeBudget"/>. A timer is a singleton, so one drain per stage runs at a time.
/// The swap to the trigger is this file: <c>Run([ServiceBusTrigger(PipelineQueues.Ingested, Connection = "ServiceBusConnection",
/// AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions)</c> calling
/// <see cref="ScoreFeedback.HandleAsync"/> and settling with <c>actions</c> (docs/azure.md).
/// </summary>
public sealed class Stages(QueueDrain drain, ScoreFeedback score, RespondToAuthor respond, IOptions<ConsumerOptions> options)
{
    [Function("ScoreFeedback")]
    public Task<DrainResult> ScoreFeedback([TimerTrigger("%QueueDrainSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        drain.DrainAsync(PipelineQueues.Ingested, score.HandleAsync, options.Value.Drain with { StageCompletes = score.CompletesInput }, cancellationToken);

    [Function("RespondToAuthor")]
    public Task<DrainResult> RespondToAuthor([TimerTrigger("%QueueDrainSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        drain.DrainAsync(PipelineQueues.Scored, respond.HandleAsync, options.Value.Drain with { StageCompletes = respond.CompletesInput }, cancellationToken);
}
