namespace SyncDashboard.Core.Sync;

/// <summary>Errors in words a person understands, for the status panel.</summary>
public static class SyncFailureText
{
    public static string For(Exception ex, string provider) => ex switch
    {
        ReconnectRequiredException => $"{provider} access was revoked or expired — reconnect on the Settings page.",
        TransientProviderException t when t.RetryAfter is not null => $"{provider} asked us to slow down; retrying shortly.",
        TransientProviderException => $"{provider} is not answering right now; retrying automatically. ({ex.Message})",
        PermanentProviderException => $"{provider} refused the change: {ex.Message}",
        HttpRequestException or TaskCanceledException => $"Could not reach {provider}; retrying automatically.",
        _ => $"Unexpected error talking to {provider}: {ex.Message}",
    };

    /// <summary>For a change given up on after <paramref name="attempts"/> tries of a failure that was worth retrying.</summary>
    public static string GaveUp(Exception ex, string provider, int attempts) => ex switch
    {
        TransientProviderException or HttpRequestException or TaskCanceledException =>
            $"{provider} did not take it in {attempts} attempts; press Retry on the Activity page to send it again. ({ex.Message})",
        _ => For(ex, provider),
    };
}
