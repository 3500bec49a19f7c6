using Listening.Handler;
using Listening.Storage;

namespace Listening.Functions;

/// <summary>GET /api/health: 200 once the store answers, 503 otherwise.</summary>
public sealed class Health : IForwardedHttpFunction
{
    public Delegate Endpoint => async (IFeedbackStore store, CancellationToken cancellationToken) =>
    {
        try
        {
            await store.GetAsync("health-probe", cancellationToken);
            return Results.Ok(new { status = "ready" });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Results.Problem(statusCode: 503, title: "Not ready", detail: "the feedback store does not answer");
        }
    };
}
