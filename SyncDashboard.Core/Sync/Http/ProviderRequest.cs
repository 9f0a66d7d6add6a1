namespace SyncDashboard.Core.Sync.Http;

/// <summary>Per-request facts the provider handlers need: whose credentials, and which rate-limit bucket.</summary>
public static class ProviderRequest
{
    public static readonly HttpRequestOptionsKey<Guid> CredentialId = new("sd.credential");
    public static readonly HttpRequestOptionsKey<string> RateLimitKey = new("sd.ratelimit");

    public static HttpRequestMessage For(this HttpRequestMessage request, Guid credentialId, string rateLimitKey)
    {
        request.Options.Set(CredentialId, credentialId);
        request.Options.Set(RateLimitKey, rateLimitKey);
        return request;
    }
}
