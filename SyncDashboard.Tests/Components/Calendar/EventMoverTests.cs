using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Web.Calendar.Drag;
using SyncDashboard.Web.Calendar.Layout;
using SyncDashboard.Web.Components.Calendar;

namespace SyncDashboard.Tests.Components.Calendar;

/// <summary>A drop applied by the editor's rules: an occurrence of a series asks which ones, a stale version is refused, Undo puts it back.</summary>
public sealed class EventMoverTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private static readonly DateTimeOffset Nine = new(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);
    private const double QuarterPx = 12; // 48 px an hour

    private EventService Events => database.Services.GetRequiredService<EventService>();

    private static EventMover Mover(BunitContext ctx, Guid user) => new(
        ctx.Services.GetRequiredService<EventService>(), ctx.Services.GetRequiredService<IDialogService>(), ctx.Services.GetRequiredService<ISnackbar>(),
        user, TimeZoneInfo.Utc, new DateTimeFormatter(DisplayPreferences.FromCulture("en-US", TimeZoneInfo.Utc)), TimeGridGeometry.Default);

    [Fact]
    public async Task AMovedEventIsStoredAndUndoPutsBackItsTimes()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var user = await database.NewUserAsync();
        var ev = await Events.CreateAsync(user, new EventInput("Standup", Nine, Nine.AddMinutes(30)));
        var snackbars = ctx.Render<MudSnackbarProvider>();

        await Mover(ctx, user).ApplyAsync(new EventDrop(ev.Id, Nine, DragKind.Move, 1, 4 * QuarterPx));

        var moved = await Events.GetAsync(user, ev.Id);
        Assert.Equal((Nine.AddDays(1).AddHours(1), Nine.AddDays(1).AddMinutes(90)), (moved.Start, moved.End));
        var snackbar = Assert.Single(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.StartsWith("Moved “Standup” to Fri, Mar 13", snackbar.Message);

        await ClickUndoAsync(snackbars);
        snackbars.WaitForAssertion(() => Assert.Contains("Put “Standup” back.", snackbars.Markup));
        var back = await Events.GetAsync(user, ev.Id);
        Assert.Equal((Nine, Nine.AddMinutes(30)), (back.Start, back.End));
    }

    [Fact]
    public async Task AnOccurrenceAsksWhichOnesAndAllMovesTheSeriesByTheSameStep()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var (host, user, series) = await SeriesAsync(ctx, "RRULE:FREQ=DAILY;COUNT=5");

        // The third occurrence is dragged 30 minutes later.
        var applying = Mover(ctx, user).ApplyAsync(new EventDrop(series.Id, Nine.AddDays(2), DragKind.Move, 0, 2 * QuarterPx));
        host.WaitForElement("[data-testid=series-scope-dialog]");
        Assert.Contains("Move recurring event", host.Markup);
        await host.Find("input[data-testid=scope-all]").ClickAsync(new());
        await host.InvokeAsync(() => host.Find("[data-testid=scope-ok]").Click());
        await applying;

        var moved = await Events.GetAsync(user, series.Id);
        Assert.Equal((Nine.AddMinutes(30), Nine.AddMinutes(90)), (moved.Start, moved.End));
        Assert.Equal(series.Recurrence, moved.Recurrence);
    }

    [Fact]
    public async Task ThisEventMovesOnlyTheDraggedOccurrence()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var (host, user, series) = await SeriesAsync(ctx, "RRULE:FREQ=DAILY;COUNT=5");

        var applying = Mover(ctx, user).ApplyAsync(new EventDrop(series.Id, Nine.AddDays(2), DragKind.Move, 0, 2 * QuarterPx));
        host.WaitForElement("[data-testid=scope-ok]");
        await host.InvokeAsync(() => host.Find("[data-testid=scope-ok]").Click());
        await applying;

        Assert.Equal(series.Version, (await Events.GetAsync(user, series.Id)).Version);
        var starts = (await Events.ListAsync(user, Nine.AddDays(-1), Nine.AddDays(6))).Select(e => e.Start).ToList();
        Assert.Equal([Nine, Nine.AddDays(1), Nine.AddDays(2).AddMinutes(30), Nine.AddDays(3), Nine.AddDays(4)], starts);
    }

    [Fact]
    public async Task CancellingTheSeriesQuestionChangesNothing()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var (host, user, series) = await SeriesAsync(ctx, "RRULE:FREQ=WEEKLY");

        var applying = Mover(ctx, user).ApplyAsync(new EventDrop(series.Id, Nine, DragKind.Resize, 0, 4 * QuarterPx));
        host.WaitForElement("[data-testid=scope-cancel]");
        await host.InvokeAsync(() => host.Find("[data-testid=scope-cancel]").Click());
        await applying;

        Assert.Equal(series.Version, (await Events.GetAsync(user, series.Id)).Version);
        Assert.Single(await Events.ListAsync(user, Nine.AddDays(-1), Nine.AddDays(1)));
    }

    [Fact]
    public async Task AnEventChangedMeanwhileIsNotOverwrittenAndTheUserIsTold()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var user = await database.NewUserAsync();
        var ev = await Events.CreateAsync(user, new EventInput("Review", Nine, Nine.AddHours(1)));
        var provider = ctx.Render<MudSnackbarProvider>();
        var mover = Mover(ctx, user);
        await mover.ApplyAsync(new EventDrop(ev.Id, Nine, DragKind.Move, 0, 4 * QuarterPx));
        var snackbars = ctx.Services.GetRequiredService<ISnackbar>();
        // Someone else edits it before the Undo: the Undo carries the version it saw and is refused.
        var current = await Events.GetAsync(user, ev.Id);
        await Events.UpdateAsync(user, ev.Id, new EventInput("Review (renamed)", current.Start, current.End), current.Version);

        await ClickUndoAsync(provider);

        provider.WaitForAssertion(() => Assert.Contains(snackbars.ShownSnackbars, s => s.Message?.Contains("changed elsewhere") == true && s.Severity == Severity.Warning));
        Assert.Equal("Review (renamed)", (await Events.GetAsync(user, ev.Id)).Title);
    }

    [Fact]
    public async Task AResizeBelowAQuarterHourIsKeptAtAQuarterHour()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var user = await database.NewUserAsync();
        var ev = await Events.CreateAsync(user, new EventInput("Call", Nine, Nine.AddHours(1)));

        await Mover(ctx, user).ApplyAsync(new EventDrop(ev.Id, Nine, DragKind.Resize, 0, -20 * QuarterPx));

        Assert.Equal(Nine.AddMinutes(15), (await Events.GetAsync(user, ev.Id)).End);
        Assert.StartsWith("Resized “Call” to", Assert.Single(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars).Message);
    }

    [Fact]
    public void ThePreviewLabelSaysWhereTheDraggedOccurrenceWouldLand()
    {
        var id = Guid.NewGuid();
        var format = new DateTimeFormatter(DisplayPreferences.FromCulture("en-US", TimeZoneInfo.Utc));
        LayoutEvent[] shown = [LayoutEvent.Timed(id, "Daily", Nine, Nine.AddHours(1)), LayoutEvent.Timed(id, "Daily", Nine.AddDays(2), Nine.AddDays(2).AddHours(1))];
        // en-US puts a narrow no-break space before AM and PM.
        string? Describe(EventDrop drop) => EventMover.Describe(drop, shown, TimeZoneInfo.Utc, format, TimeGridGeometry.Default);

        Assert.Equal("Sun, Mar 15 9:30\u202FAM – 10:30\u202FAM", Describe(new EventDrop(id, Nine.AddDays(2), DragKind.Move, 1, 2 * QuarterPx)));
        Assert.Equal("Thu, Mar 12 9:00\u202FAM – 11:00\u202FAM", Describe(new EventDrop(id, Nine, DragKind.Resize, 0, 4 * QuarterPx)));
        Assert.Null(Describe(new EventDrop(id, Nine, DragKind.Move, 0, 3)));          // less than half a step: nowhere new
        Assert.Null(Describe(new EventDrop(id, Nine.AddHours(5), DragKind.Move, 1, 0))); // not a chip on screen
    }

    /// <summary>A user's series at nine, with the dialog provider its question is shown in.</summary>
    private async Task<(IRenderedComponent<MudDialogProvider> Host, Guid User, EventDto Series)> SeriesAsync(BunitContext ctx, string rule)
    {
        ctx.Render<MudPopoverProvider>();
        var host = ctx.Render<MudDialogProvider>();
        var user = await database.NewUserAsync();
        return (host, user, await Events.CreateAsync(user, new EventInput("Series", Nine, Nine.AddHours(1), Recurrence: rule)));
    }

    private static Task ClickUndoAsync(IRenderedComponent<MudSnackbarProvider> provider) =>
        provider.InvokeAsync(() => provider.WaitForElements(".mud-snackbar button").Single(b => Text.Of(b) == "Undo").Click());
}
