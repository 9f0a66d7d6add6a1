namespace SyncDashboard.Core.Notifications;

/// <summary>The <c>calendarChanged</c> message: <see cref="Seq"/> rises by exactly one per user, so a gap means something was missed.</summary>
public sealed record CalendarChanged(long Seq, Guid? IntegrationId, IReadOnlyList<Guid> EventIds, DateTimeOffset At);

/// <summary>What a client that was away missed; <see cref="ResetRequired"/> tells it to refetch everything instead.</summary>
public sealed record ChangesSince(long CurrentSeq, bool ResetRequired, IReadOnlyList<CalendarChanged> Changes);
