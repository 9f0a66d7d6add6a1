using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Radzen;
using Radzen.Blazor;
using SyncDashboard.Core.Events;
using SyncDashboard.Web.Components.Pages;

namespace SyncDashboard.Tests.Components;

/// <summary>
/// The event editor opened the way the calendar page opens it: in the UI kit's dialog, which reports whether anything
/// changed. The only place the editor tests meet the UI kit, so moving to another kit changes this file alone.
/// </summary>
public sealed class EventEditorDialog
{
    private EventEditorDialog(IRenderedComponent<RadzenDialog> host, Task<dynamic?> closed) => (Host, Closed) = (host, closed);

    public IRenderedComponent<RadzenDialog> Host { get; }

    /// <summary>Completes with the dialog's result: true when the event was saved or deleted, false on cancel.</summary>
    public Task<dynamic?> Closed { get; }

    public string FormText => Text.Of(Host.Find("[data-testid=event-form]"));

    public string FormError => Text.Of(Host.Find("[data-testid=form-error]"));

    public IElement Input(string name) => Host.Find($"[data-testid=event-form] [name={name}]");

    public IElement Button(string text) => Host.FindAll("[data-testid=event-form] button").Single(b => Text.Of(b) == text);

    public Task ChangeAsync(string name, string value) => Input(name).ChangeAsync(value);

    public Task SaveAsync() => Host.Find("[data-testid=event-form]").SubmitAsync();

    public async Task<object?> ClosedAsync() => await Closed.WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>A context with the UI kit's services and, behind them, Core's services over <paramref name="database"/>.</summary>
    public static BunitContext NewContext(ComponentDatabase database)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddRadzenComponents();
        ctx.Services.AddFallbackServiceProvider(database.Services);
        return ctx;
    }

    public static async Task<EventEditorDialog> OpenAsync(BunitContext ctx, Guid userId, EventDto? existing, TimeZoneInfo zone, DateTime defaultStart)
    {
        var host = ctx.Render<RadzenDialog>();
        var dialogs = ctx.Services.GetRequiredService<DialogService>();
        Task<dynamic?> closed = null!;
        // A statement, not an expression: InvokeAsync would otherwise await the dialog until it closes.
        await host.InvokeAsync(() =>
        {
            closed = dialogs.OpenAsync<EventEditor>(existing is null ? "New event" : "Edit event", new Dictionary<string, object?>
            {
                [nameof(EventEditor.Existing)] = existing,
                [nameof(EventEditor.UserId)] = userId,
                [nameof(EventEditor.Zone)] = zone,
                [nameof(EventEditor.DefaultStart)] = defaultStart,
                [nameof(EventEditor.DefaultEnd)] = defaultStart.AddHours(1),
            });
        });
        host.WaitForElement("[data-testid=event-form]");
        return new EventEditorDialog(host, closed);
    }
}
