using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using SyncDashboard.Web.Calendar.Drag;
using SyncDashboard.Web.Components.Calendar;

namespace SyncDashboard.Web.Components.Pages;

/// <summary>
/// The calendar's drag and drop: wwwroot/js/calendar-drag.js follows the pointer (and Alt+Arrow keys) and reports each
/// drop here; <see cref="EventMover"/> writes it; the reload puts every chip where its event now is.
/// </summary>
public sealed partial class CalendarPage
{
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private ElementReference _dragRoot;
    private IJSObjectReference? _dragModule;
    private IJSObjectReference? _dragHandle;
    private DotNetObjectReference<CalendarPage>? _self;

    private async Task AttachDragAsync()
    {
        _self = DotNetObjectReference.Create(this);
        _dragModule = await JS.InvokeAsync<IJSObjectReference>("import", "./js/calendar-drag.js");
        _dragHandle = await _dragModule.InvokeAsync<IJSObjectReference>("attach", _dragRoot, _self);
    }

    [JSInvokable]
    public Task OnDropAsync(EventDrop drop) => InvokeAsync(async () =>
    {
        var mover = new EventMover(Events, Dialogs, Snackbar, UserId, Zone, _format!, TimeGridGeometry.Default);
        await mover.ApplyAsync(drop);
        await LoadAsync();
        StateHasChanged();
    });

    /// <summary>The label beside the preview: where the chip would land, in the user's format.</summary>
    [JSInvokable]
    public string? DescribeDrop(EventDrop drop) =>
        _data is { } data ? EventMover.Describe(drop, data.Events, Zone, data.Format, TimeGridGeometry.Default) : null;

    private void DetachDrag()
    {
        _self?.Dispose();
        _ = DisposeJsAsync(_dragHandle, _dragModule);

        static async Task DisposeJsAsync(IJSObjectReference? handle, IJSObjectReference? module)
        {
            try
            {
                if (handle is not null)
                {
                    await handle.InvokeVoidAsync("dispose");
                    await handle.DisposeAsync();
                }
                if (module is not null) await module.DisposeAsync();
            }
            catch (JSDisconnectedException) { /* the circuit is gone, and the page with it */ }
        }
    }
}
