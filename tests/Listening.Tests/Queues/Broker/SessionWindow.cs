using System.Reflection;
using Amqp;
using Amqp.Framing;

namespace Listening.Tests.Queues.Broker;

/// <summary>
/// Works around a race in AMQPNetLite 2.5.5 that made the Service Bus contract suite fail now and then under load.
/// </summary>
/// <remarks>
/// A session's <c>WriteCommands</c> writes a transfer to the socket and only afterwards increments
/// <c>nextOutgoingId</c>, while the connection's reader thread sets the outgoing window on every flow it reads to
/// <c>next-incoming-id + incoming-window − nextOutgoingId</c>. The Service Bus client advertises an incoming window of
/// 2^32 − 1, so a flow it sends right after receiving the transfer, read before the increment, wraps that sum to 0:
/// the session stops writing transfers, and every later delivery waits in its outgoing list until the client happens
/// to send another flow (the drain at the end of its receive wait, up to the whole wait later). Seen in the frame log
/// (<c>BROKER_FRAMES</c>): a scheduled message the broker sent after the clock moved went out only with the client's
/// drain 30 s later. Service Bus itself has no such window; a window of 0 here can only be this race, so before each
/// send the broker gives the session the flow it should have computed.
/// </remarks>
internal static class SessionWindow
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
    private static readonly FieldInfo OutgoingWindow = typeof(Session).GetField("outgoingWindow", Private) ?? throw Missing("outgoingWindow");
    private static readonly FieldInfo NextOutgoingId = typeof(Session).GetField("nextOutgoingId", Private) ?? throw Missing("nextOutgoingId");
    private static readonly FieldInfo SequenceValue = NextOutgoingId.FieldType.GetField("sequenceNumber", Private) ?? throw Missing("SequenceNumber.sequenceNumber");
    private static readonly MethodInfo OnFlow = typeof(Session).GetMethod("OnFlow", Private, [typeof(Flow)]) ?? throw Missing("OnFlow(Flow)");

    /// <summary>Reopens the session's outgoing window if the race closed it; the flow also writes what waits in it.</summary>
    public static void ReopenIfClosed(Link link)
    {
        var session = link.Session;
        if ((uint)OutgoingWindow.GetValue(session)! != 0) return;
        var next = (uint)(int)SequenceValue.GetValue(NextOutgoingId.GetValue(session))!;
        OnFlow.Invoke(session, [new Flow { NextIncomingId = next, IncomingWindow = 5000, NextOutgoingId = 0, OutgoingWindow = 0 }]);
    }

    private static InvalidOperationException Missing(string member) =>
        new($"AMQPNetLite's Session has no {member}: the library changed; check whether its window race is fixed and drop SessionWindow.");
}
