namespace Listening.Tests.Queues.Broker;

/// <summary>What the broker was asked to do, counted the way Service Bus meters operations: each AMQP transfer a
/// client sends (one message, or one batch), each message it delivers, each settlement, each management request.</summary>
public sealed class BrokerCounters
{
    internal long connections, cbsTokens, sendTransfers, messagesAccepted, duplicatesDropped, deliveries, completes,
        abandons, deadLetters, autoDeadLetters, lockLost, renewLockCalls, scheduleCalls, cancelScheduledCalls, peekCalls, managementCalls;

    public long Connections => Interlocked.Read(ref connections);
    /// <summary>CBS put-token requests (one per link attach plus refreshes).</summary>
    public long CbsTokens => Interlocked.Read(ref cbsTokens);
    /// <summary>Transfers received on entity links: one per <c>SendMessagesAsync</c> call (a batch is one transfer).</summary>
    public long SendTransfers => Interlocked.Read(ref sendTransfers);
    /// <summary>Messages that entered a queue (sent or scheduled, duplicates excluded).</summary>
    public long MessagesAccepted => Interlocked.Read(ref messagesAccepted);
    public long DuplicatesDropped => Interlocked.Read(ref duplicatesDropped);
    /// <summary>Messages delivered to receivers (each counts a delivery).</summary>
    public long Deliveries => Interlocked.Read(ref deliveries);
    public long Completes => Interlocked.Read(ref completes);
    public long Abandons => Interlocked.Read(ref abandons);
    /// <summary>Explicit dead-lettering by a receiver.</summary>
    public long DeadLetters => Interlocked.Read(ref deadLetters);
    /// <summary>Dead-lettered by the queue after MaxDeliveryCount.</summary>
    public long AutoDeadLetters => Interlocked.Read(ref autoDeadLetters);
    /// <summary>Settlements or renewals refused because the lock was lost.</summary>
    public long LockLost => Interlocked.Read(ref lockLost);
    public long RenewLockCalls => Interlocked.Read(ref renewLockCalls);
    public long ScheduleCalls => Interlocked.Read(ref scheduleCalls);
    public long CancelScheduledCalls => Interlocked.Read(ref cancelScheduledCalls);
    public long PeekCalls => Interlocked.Read(ref peekCalls);
    /// <summary>All requests on <c>$management</c> nodes.</summary>
    public long ManagementCalls => Interlocked.Read(ref managementCalls);

    /// <summary>Billable-style operations: sends + deliveries + settlements + management calls (CBS excluded).</summary>
    public long Operations => SendTransfers + Deliveries + Completes + Abandons + DeadLetters + ManagementCalls;

    public BrokerSnapshot Snapshot() => new(Connections, CbsTokens, SendTransfers, MessagesAccepted, DuplicatesDropped, Deliveries,
        Completes, Abandons, DeadLetters, AutoDeadLetters, LockLost, RenewLockCalls, ScheduleCalls, PeekCalls, ManagementCalls, Operations);
}

public sealed record BrokerSnapshot(long Connections, long CbsTokens, long SendTransfers, long MessagesAccepted, long DuplicatesDropped,
    long Deliveries, long Completes, long Abandons, long DeadLetters, long AutoDeadLetters, long LockLost, long RenewLockCalls,
    long ScheduleCalls, long PeekCalls, long ManagementCalls, long Operations)
{
    public BrokerSnapshot Minus(BrokerSnapshot before) => new(Connections - before.Connections, CbsTokens - before.CbsTokens,
        SendTransfers - before.SendTransfers, MessagesAccepted - before.MessagesAccepted, DuplicatesDropped - before.DuplicatesDropped,
        Deliveries - before.Deliveries, Completes - before.Completes, Abandons - before.Abandons, DeadLetters - before.DeadLetters,
        AutoDeadLetters - before.AutoDeadLetters, LockLost - before.LockLost, RenewLockCalls - before.RenewLockCalls,
        ScheduleCalls - before.ScheduleCalls, PeekCalls - before.PeekCalls, ManagementCalls - before.ManagementCalls, Operations - before.Operations);
}
