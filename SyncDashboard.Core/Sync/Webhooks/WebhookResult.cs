namespace SyncDashboard.Core.Sync.Webhooks;

public enum WebhookVerdict
{
    /// <summary>Authentic; nothing (more) to do or the pull is already queued.</summary>
    Handled,
    /// <summary>Authentic; a pull was queued.</summary>
    Queued,
    Malformed,
    Unauthenticated,
    /// <summary>A subscription or channel we do not know: the sender should stop retrying.</summary>
    UnknownSubscription,
    Conflict,
}

/// <summary>What a provider's webhook delivery came to; the web host turns it into an HTTP answer.</summary>
public sealed record WebhookResult(WebhookVerdict Verdict, string? Problem = null)
{
    public static readonly WebhookResult Handled = new(WebhookVerdict.Handled);
    public static readonly WebhookResult Queued = new(WebhookVerdict.Queued);

    public static WebhookResult Malformed(string problem) => new(WebhookVerdict.Malformed, problem);
    public static WebhookResult Unauthenticated(string problem) => new(WebhookVerdict.Unauthenticated, problem);
    public static WebhookResult UnknownSubscription(string problem) => new(WebhookVerdict.UnknownSubscription, problem);
    public static WebhookResult Conflict(string problem) => new(WebhookVerdict.Conflict, problem);
}
