using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Security.Surface;

/// <summary>
/// What a request can name of one user: ids of their things (which the route table puts into paths, queries, bodies
/// and headers) and their own secrets (which only ever come from the caller). <see cref="Markers"/> are strings that
/// identify the user and must never reach anybody else.
/// </summary>
public sealed record UserResources
{
    public required TestUser User { get; init; }
    public required Guid EventId { get; init; }
    public required Guid SeriesEventId { get; init; }
    public required Guid ApiTokenId { get; init; }
    /// <summary>A second token of the user's, the one revoke routes aim at (revoking the one in use would end the run).</summary>
    public required Guid SpareTokenId { get; init; }
    public required Guid GoogleIntegrationId { get; init; }
    /// <summary>An open conflict on the single event with the Google calendar.</summary>
    public required Guid ConflictId { get; init; }
    public required Guid GoogleCredentialId { get; init; }
    public required string GoogleEmail { get; init; }
    public required string GoogleCalendarId { get; init; }
    public required string GoogleAccessToken { get; init; }
    /// <summary>The single event's copy in the user's Google calendar and Notion database.</summary>
    public string? GoogleEventId { get; init; }
    public string? NotionPageId { get; init; }
    public string? ChannelId { get; init; }
    public string? ChannelResourceId { get; init; }
    /// <summary>The channel's secret, which Google echoes in X-Goog-Channel-Token.</summary>
    public string? ChannelToken { get; init; }
    /// <summary>A change of the user's that was sent (Retry refuses it: 409 for its owner, 404 for anyone else).</summary>
    public required long OutboxItemId { get; init; }
    public required Guid NotionIntegrationId { get; init; }
    public required Guid NotionCredentialId { get; init; }
    public required string NotionDataSourceId { get; init; }
    public required string NotionDatabaseId { get; init; }
    public required string NotionToken { get; init; }
    /// <summary>The Notion connection's bot, and its webhook subscription in the emulator.</summary>
    public required string NotionBotId { get; init; }
    public string? NotionSubscriptionId { get; init; }
    /// <summary>The verification token Notion sent; deliveries are signed with it.</summary>
    public string? NotionWebhookSecret { get; init; }
    /// <summary>The secret last segment of the integration's webhook URL (only its owner sees it on Settings).</summary>
    public string? NotionWebhookKey { get; init; }
    /// <summary>OAuth <c>state</c> values sealed for this user, as the connect endpoints would make them.</summary>
    public required string GoogleOAuthState { get; init; }
    public required string NotionOAuthState { get; init; }
    public required IReadOnlyList<string> Markers { get; init; }

    public Guid UserId => User.Id;

    /// <summary>Every id of the user that a route could take, as text, for the "guess every id in every slot" runs.</summary>
    public IReadOnlyList<Guid> Guids =>
        [UserId, EventId, SeriesEventId, ApiTokenId, SpareTokenId, GoogleIntegrationId, GoogleCredentialId, NotionIntegrationId, NotionCredentialId, ConflictId];

    public IReadOnlyList<string> TextIds =>
        [.. new[] { GoogleEmail, GoogleCalendarId, GoogleEventId, ChannelId, ChannelResourceId, NotionDataSourceId, NotionDatabaseId, NotionPageId, NotionBotId,
            NotionSubscriptionId }
            .OfType<string>()];

    /// <summary>
    /// The same user with <paramref name="text"/> in every text slot and, when it is a GUID, in every GUID slot: one
    /// of their ids guessed for every kind of id a route takes.
    /// </summary>
    public UserResources WithEveryId(string text) => Guid.TryParse(text, out var id) ? this with
    {
        EventId = id, SeriesEventId = id, ApiTokenId = id, SpareTokenId = id, GoogleIntegrationId = id, GoogleCredentialId = id,
        NotionIntegrationId = id, NotionCredentialId = id, ConflictId = id,
        GoogleEmail = text, GoogleCalendarId = text, GoogleEventId = text, NotionPageId = text, ChannelId = text,
        ChannelResourceId = text, NotionDataSourceId = text, NotionDatabaseId = text, NotionBotId = text, NotionSubscriptionId = text,
    } : this with
    {
        GoogleEmail = text, GoogleCalendarId = text, GoogleEventId = text, NotionPageId = text, ChannelId = text,
        ChannelResourceId = text, NotionDataSourceId = text, NotionDatabaseId = text, NotionBotId = text, NotionSubscriptionId = text,
    };

    /// <summary>Every id of the user, as text, for <see cref="WithEveryId"/>.</summary>
    public IReadOnlyList<string> AllIds => [.. Guids.Select(g => g.ToString()), .. TextIds];

    /// <summary>The same user with the second of each pair of ids in the first slot (the series instead of the single event…).</summary>
    public UserResources Alternate() => this with
    {
        EventId = SeriesEventId, GoogleCredentialId = NotionCredentialId, NotionCredentialId = GoogleCredentialId,
        NotionDataSourceId = NotionDatabaseId, ApiTokenId = SpareTokenId,
    };

    /// <summary>Ids nobody has, from <paramref name="random"/> so a seeded run repeats.</summary>
    public UserResources WithRandomIds(Random random)
    {
        Guid Next()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }
        return this with
        {
            EventId = Next(), SeriesEventId = Next(), ApiTokenId = Next(), SpareTokenId = Next(), GoogleIntegrationId = Next(),
            GoogleCredentialId = Next(), NotionIntegrationId = Next(), NotionCredentialId = Next(), ConflictId = Next(),
            OutboxItemId = random.NextInt64(1L << 40, long.MaxValue),
            GoogleEmail = $"g{Next():N}@example.com", GoogleCalendarId = $"g{Next():N}@example.com", GoogleEventId = Next().ToString("N"),
            NotionPageId = Next().ToString(), ChannelId = Next().ToString(),
            ChannelResourceId = Next().ToString("N"), NotionDataSourceId = Next().ToString(), NotionDatabaseId = Next().ToString(),
            NotionBotId = Next().ToString(), NotionSubscriptionId = Next().ToString(),
        };
    }
}

/// <summary>Whose ids a request names (<see cref="Target"/>) and whose credentials and secrets it carries (<see cref="Own"/>).</summary>
public sealed record Aim(UserResources Target, UserResources Own)
{
    public static Aim Self(UserResources user) => new(user, user);
}
