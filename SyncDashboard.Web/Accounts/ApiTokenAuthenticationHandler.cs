using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Accounts;

namespace SyncDashboard.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer sdt_…</c> for the REST API; the hub also takes <c>?access_token=</c>, because browsers
/// cannot set headers on WebSocket requests.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public static bool HasToken(HttpRequest request) => ReadToken(request) is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadToken(Request);
        if (presented is null) return AuthenticateResult.NoResult();
        var userId = await tokens.AuthenticateAsync(presented, Context.RequestAborted);
        if (userId is null) return AuthenticateResult.Fail("The API token is unknown or revoked.");
        var account = await accounts.FindAsync(userId.Value, Context.RequestAborted);
        if (account is null) return AuthenticateResult.Fail("The API token's user no longer exists.");
        var principal = AccountClaims.Principal(account, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }

    private static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (request.Path.StartsWithSegments("/hubs") && request.Query.TryGetValue("access_token", out var q)) return q.ToString();
        return null;
    }
}
