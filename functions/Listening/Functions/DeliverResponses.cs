using Listening.Handler;
using Listening.Responses.Delivery;

namespace Listening.Functions;

/// <summary>Timer (<c>ResponsesDeliverySchedule</c>, every 5 s by default): one pass over the outbox.</summary>
public sealed class DeliverResponses(OutboxDelivery delivery) : IFunctionHandler
{
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var run = await delivery.RunOnceAsync(cancellationToken);
        var result = new InvocationResult();
        return run.Claimed == 0 ? result
            : result.Log($"outbox: {run.Delivered} delivered, {run.Retried} to retry, {run.DeadLettered} dead-lettered");
    }
}
