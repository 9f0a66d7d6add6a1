using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Web.Components.Calendar;

namespace SyncDashboard.Tests.Components;

/// <summary>
/// The event editor opened the way the calendar page opens it: in a MudBlazor dialog, whose result says whether
/// anything changed. The only place the editor tests meet the UI kit, so moving to another kit changes this file alone.
/// </summary>
public sealed class EventEditorDialog
{
    private EventEditorDialog(IRenderedComponent<MudDialogProvider> host, IRenderedComponent<MudPopoverProvider> popovers, IDialogReference dialog) =>
        (Host, _popovers, Dialog) = (host, popovers, dialog);

    /// <summary>Where a select's list opens.</summary>
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;

    /// <summary>The dialog provider, where the dialog and any confirmation over it are rendered.</summary>
    public IRenderedComponent<MudDialogProvider> Host { get; }

    public IDialogReference Dialog { get; }

    public Task<DialogResult?> Closed => Dialog.Result;

    public string FormText => Text.Of(Host.Find("[data-testid=event-form]"));

    public string FormError => Text.Of(Host.Find("[data-testid=form-error]"));

    public IElement Input(string name) => Host.Find($"[data-testid=event-form] [name={name}]");

    public IElement Button(string text) => Host.FindAll("[data-testid=event-form] button").Single(b => Text.Of(b) == text);

    public Task ChangeAsync(string name, string value) => Input(name).ChangeAsync(value);

    /// <summary>Picks <paramref name="option"/> in the MudSelect carrying <paramref name="testId"/>.</summary>
    public async Task ChooseAsync(string testId, string option)
    {
        await Host.Find($"[data-testid=event-form] [data-testid={testId}]").Closest(".mud-input-control")!.MouseDownAsync(new());
        await _popovers.WaitForElements(".mud-popover-open .mud-list-item").Single(i => Text.Of(i) == option).ClickAsync(new());
    }

    public Task SaveAsync() => Host.Find("[data-testid=event-form]").SubmitAsync();

    /// <summary>True when the event was saved or deleted, false when the dialog was cancelled.</summary>
    public async Task<bool> ClosedAsync() => (await Closed.WaitAsync(TimeSpan.FromSeconds(10)))?.Canceled == false;

    /// <summary>The confirmation shown over the editor (a message box), by the text of its button.</summary>
    public IElement ConfirmationButton(string text) => Host.MessageBoxButton(text);

    /// <summary>A context with the UI kit's services and, behind them, Core's services over <paramref name="database"/>.</summary>
    public static BunitContext NewContext(ComponentDatabase database)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddFallbackServiceProvider(database.Services);
        return ctx;
    }

    public static async Task<EventEditorDialog> OpenAsync(BunitContext ctx, Guid userId, EventDto? existing, TimeZoneInfo zone, DateTime defaultStart)
    {
        var popovers = ctx.Render<MudPopoverProvider>();
        var host = ctx.Render<MudDialogProvider>();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        IDialogReference dialog = null!;
        await host.InvokeAsync(async () =>
            dialog = await EventEditor.ShowAsync(dialogs, existing, userId,
                new DateTimeFormatter(DisplayPreferences.FromCulture("en-US", zone)), defaultStart, defaultStart.AddHours(1)));
        host.WaitForElement("[data-testid=event-form]");
        return new EventEditorDialog(host, popovers, dialog);
    }
}
