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

public enum ConflictChoice { KeepAutomatic = 0, UseOtherSide = 1 }
