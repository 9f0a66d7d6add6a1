using SyncDashboard.Core.Events;

namespace SyncDashboard.Tests.Properties.SyncMachine;

/// <summary>Where a person changes an event: in the app (its REST API), in Google's UI or in Notion's UI (the emulators).</summary>
public enum Side { App, Google, Notion }

/// <summary>
/// An event's content as the generator picks it, relative to the sequence's first day so the run works at any clock time.
/// <see cref="Word"/> goes after the event's tag in the title ("E3 red"): the tag identifies the event on every side.
/// </summary>
public sealed record EventSpec(string Word, string? Description, string? Location, string? Notes, int Day, int Hour, int Minutes, bool AllDay,
    string? Rule)
{
    public override string ToString() =>
        $"{Word}, {(AllDay ? $"all day +{Day}d ×{Minutes / 60}" : $"+{Day}d {Hour}:00 {Minutes}min")}" +
        $"{(Description is null ? "" : $", desc '{Description}'")}{(Location is null ? "" : $", loc '{Location}'")}" +
        $"{(Notes is null ? "" : $", notes '{Notes}'")}{(Rule is null ? "" : $", {Rule}")}";
}

/// <summary>Some field groups of an event replaced; null leaves the group as it is. Time moves as one unit.</summary>
public sealed record EventEdit(string? Word, string? Description, string? Location, string? Notes, (int Day, int Hour, int Minutes, bool AllDay)? Time)
{
    public override string ToString() => string.Join(", ", new[]
    {
        Word is null ? null : $"title {Word}", Description is null ? null : $"desc '{Description}'",
        Location is null ? null : $"loc '{Location}'", Notes is null ? null : $"notes '{Notes}'",
        Time is { } t ? (t.AllDay ? $"all day +{t.Day}d ×{t.Minutes / 60}" : $"+{t.Day}d {t.Hour}:00 {t.Minutes}min") : null,
    }.Where(s => s is not null));
}

public enum FaultTarget { Google, Notion }

/// <summary>The faults injected: 429 with Retry-After, 500, 503, a timeout, a write that lands and answers 500, and (Google) lost pushes.</summary>
public enum FaultKindChoice { RateLimited, Error500, Error503, Timeout, CommitThen500, DropPushes }

/// <summary>One step of a generated sequence. Events are named by <c>Pick</c>: an index into the events made so far (modulo).</summary>
public abstract record SyncCommand
{
    public sealed record Create(Side Side, EventSpec Spec) : SyncCommand
    {
        public override string ToString() => $"create in {Side}: {Spec}";
    }

    public sealed record Edit(Side Side, int Pick, EventEdit Change) : SyncCommand
    {
        public override string ToString() => $"edit #{Pick} in {Side}: {Change}";
    }

    /// <summary>Renames a recurring series (all events), picked among the series made so far.</summary>
    public sealed record RenameSeries(Side Side, int Pick, string Word) : SyncCommand
    {
        public override string ToString() => $"rename series #{Pick} in {Side} to {Word}";
    }

    /// <summary>
    /// Edits the <paramref name="Nth"/> occurrence (modulo) of a series, as Google Calendar's "this event", "this and
    /// following events" or "all events" (in the app through its API; in Google as Google's own clients write it).
    /// </summary>
    public sealed record EditOccurrence(Side Side, int Pick, int Nth, EditScope Scope, EventEdit Change) : SyncCommand
    {
        public override string ToString() => $"edit occurrence {Nth} of series #{Pick} in {Side} ({Scope}): {Change}";
    }

    public sealed record DeleteOccurrence(Side Side, int Pick, int Nth, EditScope Scope) : SyncCommand
    {
        public override string ToString() => $"delete occurrence {Nth} of series #{Pick} in {Side} ({Scope})";
    }

    public sealed record Delete(Side Side, int Pick) : SyncCommand
    {
        public override string ToString() => $"delete #{Pick} in {Side}";
    }

    public sealed record PullGoogle : SyncCommand
    {
        public override string ToString() => "pull Google (incremental)";
    }

    public sealed record PollNotion : SyncCommand
    {
        public override string ToString() => "poll Notion";
    }

    public sealed record GooglePush : SyncCommand
    {
        public override string ToString() => "deliver a Google push notification";
    }

    public sealed record DrainOutbox : SyncCommand
    {
        public override string ToString() => "drain the outbox";
    }

    public sealed record Fault(FaultTarget Target, FaultKindChoice Kind, int Count) : SyncCommand
    {
        public override string ToString() => $"fault {Target} {Kind} ×{Count}";
    }

    public sealed record ExpireSyncToken : SyncCommand
    {
        public override string ToString() => "expire Google's sync tokens (410)";
    }

    public sealed record Restart : SyncCommand
    {
        public override string ToString() => "restart the app";
    }
}
