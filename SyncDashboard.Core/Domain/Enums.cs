namespace SyncDashboard.Core.Domain;

public enum Provider { Google = 1, Notion = 2 }

public enum SyncDirection { TwoWay = 0, ImportOnly = 1, ExportOnly = 2 }

public enum IntegrationStatus { Active = 0, NeedsReconnect = 1, Error = 2, Disconnected = 3 }

public enum LinkState { Synced = 0, Pending = 1, Failed = 2, Conflict = 3 }

public enum OutboxOperation { Create = 0, Update = 1, Delete = 2 }

/// <summary><see cref="Held"/>: a deletion stopped by the mass-delete guard, sent only if the user applies it (ADR 0015).</summary>
public enum OutboxState { Pending = 0, InFlight = 1, Completed = 2, Failed = 3, DeadLettered = 4, Held = 5 }

public enum SyncTrigger { Webhook = 0, Poll = 1, Manual = 2, Schedule = 3, Connect = 4, Change = 5 }

public enum SyncRunKind { Pull = 0, Push = 1 }

public enum ConflictOutcome { LocalWon = 0, RemoteWon = 1 }

/// <summary>
/// What the user settled a conflict with. <see cref="UseOtherSide"/> (the automatic loser's values) predates the Conflicts
/// page and keeps its meaning for rows stored with it; the page and the API write the other members.
/// </summary>
public enum ConflictChoice { KeepAutomatic = 0, UseOtherSide = 1, TakeLocal = 2, TakeRemote = 3, Merge = 4 }

/// <summary>One side of a conflict: the app's values or the other calendar's.</summary>
public enum ConflictSide { Local = 0, Remote = 1 }
