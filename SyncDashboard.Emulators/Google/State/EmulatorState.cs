using System.Text.Json.Serialization;
using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Emulators.Google.State;

/// <summary>Everything the emulator knows; plain properties so it serialises to the optional state file.</summary>
public sealed class EmulatorState
{
    public Dictionary<string, AccountState> Accounts { get; set; } = [];
    public Dictionary<string, CalendarState> Calendars { get; set; } = [];
    public Dictionary<string, AccessTokenState> AccessTokens { get; set; } = [];
    public Dictionary<string, RefreshTokenState> RefreshTokens { get; set; } = [];
    public Dictionary<string, ChannelState> Channels { get; set; } = [];
    public long VersionCounter { get; set; }
}

public sealed class AccountState
{
    public required string Email { get; set; }
    public List<string> CalendarIds { get; set; } = [];

    /// <summary>The host's person this account belongs to (see <c>IEmulatorPeople</c>); null in a single-tenant emulator.</summary>
    public string? Owner { get; set; }
}

public sealed class CalendarState
{
    public required string Id { get; set; }
    public required string OwnerEmail { get; set; }
    public required string Summary { get; set; }
    public required string TimeZone { get; set; }
    public bool Primary { get; set; }

    /// <summary>Bumped on every change to an event in this calendar; sync tokens carry it.</summary>
    public long ChangeSeq { get; set; }

    /// <summary>Bumped to invalidate every sync token issued so far.</summary>
    public int SyncEpoch { get; set; }

    public long NextOrdinal { get; set; }
    public DateTimeOffset Updated { get; set; }
    public Dictionary<string, StoredEvent> Events { get; set; } = [];
}

public sealed class StoredEvent
{
    public required GoogleEvent Body { get; set; }
    public long ChangeSeq { get; set; }

    /// <summary>Insertion order; the stable "unspecified" order of events.list.</summary>
    public long Ordinal { get; set; }

    [JsonIgnore]
    public bool IsCancelled => Body.Status == "cancelled";
    [JsonIgnore]
    public bool IsSeriesMaster => Body.Recurrence is { Count: > 0 } && Body.RecurringEventId is null;
}

public sealed class AccessTokenState
{
    public required string Email { get; set; }
    public required List<string> Scopes { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string? RefreshToken { get; set; }
}

public sealed class RefreshTokenState
{
    public required string Email { get; set; }
    public required List<string> Scopes { get; set; }
    public bool Revoked { get; set; }
}

public sealed class ChannelState
{
    public required string Id { get; set; }
    public required string ResourceId { get; set; }
    public required string ResourceUri { get; set; }
    public required string CalendarId { get; set; }
    public required string OwnerEmail { get; set; }
    public required string Address { get; set; }
    public string? Token { get; set; }
    public DateTimeOffset Expiration { get; set; }
    public long MessageNumber { get; set; }
    public bool Stopped { get; set; }
}
