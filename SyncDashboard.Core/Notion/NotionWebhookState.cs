namespace SyncDashboard.Core.Notion;

/// <summary>
/// Where the settings page is with a Notion integration's webhook: the URL to subscribe with, until when set-up accepts a
/// verification request, the token that arrived and waits for the owner's word, and the confirmed one deliveries are
/// checked against.
/// </summary>
public sealed record NotionWebhookState(
    string Url,
    DateTimeOffset? SetupOpenUntil,
    string? PendingToken,
    DateTimeOffset? PendingReceivedAt,
    string? ConfirmedToken);
