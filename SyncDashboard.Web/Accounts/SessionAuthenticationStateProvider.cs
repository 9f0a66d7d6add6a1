using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Accounts;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Accounts;

/// <summary>
/// A circuit's sign-in, which lives as long as the tab and would otherwise outlast a sign-out made in another tab or
/// browser. On this node a sign-out ends it at once (through <see cref="CircuitSessions"/>); the periodic security-stamp
/// check catches a sign-out on another node. Signed out, the page's authorization sends the tab to the sign-in form.
/// </summary>
internal sealed class SessionAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly CircuitSessions _circuits;
    private readonly AccountService _accounts;
    private readonly IOptionsMonitor<AccountSecurityOptions> _options;

    public SessionAuthenticationStateProvider(ILoggerFactory loggerFactory, CircuitSessions circuits, AccountService accounts,
        IOptionsMonitor<AccountSecurityOptions> options) : base(loggerFactory)
    {
        _circuits = circuits;
        _accounts = accounts;
        _options = options;
        AuthenticationStateChanged += Track;
    }

    protected override TimeSpan RevalidationInterval => _options.CurrentValue.CircuitRevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        if (state.User.Identity?.IsAuthenticated != true) return true;
        var stamp = state.User.FindFirstValue(AccountClaims.SecurityStamp);
        return stamp is not null && stamp == await _accounts.GetSecurityStampAsync(state.User.GetUserId(), ct);
    }

    public void SignOut() => SetAuthenticationState(Task.FromResult(SignedOut));

    private async void Track(Task<AuthenticationState> task)
    {
        try
        {
            var user = (await task).User;
            if (user.Identity?.IsAuthenticated == true) _circuits.Track(this, user.GetUserId());
            else _circuits.Forget(this);
        }
        catch (Exception)
        {
            // A failed state is the framework's to report; this circuit is simply not tracked.
            _circuits.Forget(this);
        }
    }

    protected override void Dispose(bool disposing)
    {
        AuthenticationStateChanged -= Track;
        _circuits.Forget(this);
        base.Dispose(disposing);
    }
}
