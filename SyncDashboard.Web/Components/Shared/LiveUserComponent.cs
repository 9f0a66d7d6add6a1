using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using SyncDashboard.Core.Accounts;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Components.Shared;

/// <summary>
/// A page of the signed-in user that follows their calendar live: it subscribes to the change notifier after the
/// first interactive render, marshals every message onto the circuit with InvokeAsync, and unsubscribes on dispose.
/// </summary>
public abstract class LiveUserComponent : ComponentBase, IDisposable
{
    [Inject] private AuthenticationStateProvider AuthState { get; set; } = default!;
    [Inject] private AccountService Accounts { get; set; } = default!;
    [Inject] private IChangeNotifier Notifier { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;

    private IDisposable? _subscription;

    protected Guid UserId { get; private set; }
    protected AccountInfo? Account { get; private set; }
    protected TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    protected DateTime LocalNow => TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Zone).DateTime;

    /// <summary>
    /// How this user reads dates and times (the one formatting policy): their choices on Settings, else their
    /// browser's culture, in their zone.
    /// </summary>
    protected DateTimeFormatter Format { get; private set; } = new(DisplayPreferences.FromCulture(null, TimeZoneInfo.Utc));

    [CascadingParameter(Name = BrowserCulture.CascadingName)] private string? Culture { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var state = await AuthState.GetAuthenticationStateAsync();
        UserId = state.User.GetUserId();
        await ReadAccountAsync();
        await LoadAsync();
    }

    /// <summary>Reads the account again, and with it the zone and the formatter (after Settings changed them).</summary>
    protected async Task ReadAccountAsync()
    {
        Account = await Accounts.FindAsync(UserId);
        Zone = UpcomingWindow.FindZone(Account?.TimeZone);
        Format = new DateTimeFormatter((Account?.Display ?? DisplayChoices.BrowserDefault).Resolve(Culture, Zone));
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive) return;
        _subscription = Notifier.Subscribe(UserId, change => InvokeAsync(async () =>
        {
            try
            {
                // A change without events may be new display settings (or a sync run): pages redraw in them.
                if (change.EventIds.Count == 0) await ReadAccountAsync();
                await OnCalendarChangedAsync(change);
                StateHasChanged();
            }
            catch (Exception ex)
            {
                await DispatchExceptionAsync(ex);
            }
        }));
    }

    protected abstract Task LoadAsync();

    protected virtual Task OnCalendarChangedAsync(CalendarChanged change) => LoadAsync();

    protected DateTime ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone).DateTime;

    protected DateTimeOffset FromLocal(DateTime local) => ZonedTime.ToUtcOffset(local, Zone);

    public virtual void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
