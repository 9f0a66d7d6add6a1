using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Accounts;

namespace SyncDashboard.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer sdt_…</c> for the REST API; the hub also takes <c>?access_token=</c>, because browsers
/// cannot set headers on WebSocket requests. A client address presenting too many bad tokens gets 429 for a while.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, AccountService accounts, ApiTokenFailures failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private static readonly object ThrottledKey = new();

    public static bool HasToken(HttpRequest request) => ReadToken(request) is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadToken(Request);
        if (presented is null) return AuthenticateResult.NoResult();
        var client = ClientKey(Context);
        // Not even looked up while blocked: guessing stays as slow as the block, whatever the guess.
        if (failures.Limiter.BlockedFor(client) is { } wait)
        {
            Context.Items[ThrottledKey] = wait;
            return AuthenticateResult.Fail("Too many unknown API tokens from this client.");
        }
        var owner = await tokens.AuthenticateAsync(presented, Context.RequestAborted);
        if (owner is null)
        {
            failures.Limiter.RecordFailure(client);
            return AuthenticateResult.Fail("The API token is unknown or revoked.");
        }
        var account = await accounts.FindAsync(owner.UserId, Context.RequestAborted);
        if (account is null) return AuthenticateResult.Fail("The API token's user no longer exists.");
        var principal = AccountClaims.ForApiToken(account, owner.TokenId, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[ThrottledKey] is TimeSpan wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }

    internal static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (request.Path.StartsWithSegments("/hubs") && request.Query.TryGetValue("access_token", out var q)) return q.ToString();
        return null;
    }
}

/// <summary>Failed API tokens per client address, shared by every request the handler sees.</summary>
internal sealed class ApiTokenFailures(IOptionsMonitor<AccountSecurityOptions> options, TimeProvider clock)
{
    public FailureLimiter Limiter { get; } = new(
        () => options.CurrentValue.MaxFailedApiTokens, () => options.CurrentValue.ApiTokenBlockDuration, clock);
}
