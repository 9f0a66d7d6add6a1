using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Events;

namespace SyncDashboard.Tests.Components;

/// <summary>What the editor says when an event cannot be saved: its own checks, the service's, and edits that lost a race.</summary>
public sealed class EventEditorValidationTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTime TenLocal = new(2026, 3, 10, 10, 0, 0);
    private static readonly DateTimeOffset NineUtc = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private EventService Events => database.Services.GetRequiredService<EventService>();

    [Fact]
    public async Task SavingWithoutATitleSaysTitleIsRequiredAndKeepsTheDialogOpen()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, null, Berlin, TenLocal);

        await editor.SaveAsync();

        Assert.Contains("Title is required.", editor.FormText);
        Assert.False(editor.Closed.IsCompleted);
        Assert.Empty(await database.EventsOfAsync(userId));
    }

    [Fact]
    public async Task TitleLongerThan200CharactersIsRefused()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, null, Berlin, TenLocal);

        await editor.ChangeAsync("title", new string('x', 201));
        await editor.SaveAsync();

        Assert.Contains("Title must be at most 200 characters.", editor.FormText);
        Assert.Empty(await database.EventsOfAsync(userId));
    }

    [Fact]
    public async Task EndBeforeStartShowsTheServicesMessageBesideTheTimes()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, null, Berlin, TenLocal);

        await editor.ChangeAsync("title", "Dentist");
        await editor.ChangeAsync("end", "2026-03-10T09:00:00");
        await editor.SaveAsync();

        Assert.Contains("End must be after start.", editor.FormText);
        Assert.Empty(editor.Host.FindAll("[data-testid=form-error]"));
        Assert.False(editor.Closed.IsCompleted);
        Assert.Empty(await database.EventsOfAsync(userId));
    }

    [Fact]
    public async Task CorrectingTheEndClearsItsMessageAndThenSaves()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, null, Berlin, TenLocal);
        await editor.ChangeAsync("title", "Dentist");
        await editor.ChangeAsync("end", "2026-03-10T09:00:00");
        await editor.SaveAsync();
        Assert.Contains("End must be after start.", editor.FormText);

        await editor.ChangeAsync("end", "2026-03-10T10:30:00");

        Assert.DoesNotContain("End must be after start.", editor.FormText);
        await editor.SaveAsync();
        Assert.True(await editor.ClosedAsync());
        Assert.Equal(new DateTime(2026, 3, 10, 9, 30, 0), Assert.Single(await database.EventsOfAsync(userId)).End); // 10:30 in Berlin
    }

    [Fact]
    public async Task AClearedStartSaysWhatIsMissingAndSavesNothing()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, null, Berlin, TenLocal);

        await editor.ChangeAsync("title", "Dentist");
        await editor.ChangeAsync("start", "");
        await editor.SaveAsync();

        Assert.Contains("Start is required.", editor.FormText);
        Assert.Empty(editor.Host.FindAll("[data-testid=event-when]")); // no sentence about year 1
        Assert.False(editor.Closed.IsCompleted);
        Assert.Empty(await database.EventsOfAsync(userId));
    }

    [Fact]
    public async Task ErrorWithoutAFieldOnTheFormIsShownAsAnAlert()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        // The service checks the zone the form writes with; no field on the form shows a zone, so the message goes on top.
        var unknownZone = TimeZoneInfo.CreateCustomTimeZone("Mars/Olympus", TimeSpan.Zero, "Olympus", "Olympus");
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, null, unknownZone, TenLocal);

        await editor.ChangeAsync("title", "Dentist");
        await editor.SaveAsync();

        var alert = editor.Host.Find("[role=alert]");
        Assert.Equal("'Mars/Olympus' is not a known IANA time zone.", Text.Of(alert));
        Assert.False(editor.Closed.IsCompleted);
    }

    [Fact]
    public async Task EventChangedElsewhereSinceOpeningIsNotOverwritten()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var opened = await Events.CreateAsync(userId, new EventInput("Dentist", NineUtc, NineUtc.AddHours(1)));
        await Events.UpdateAsync(userId, opened.Id, new EventInput("Dentist at 9", NineUtc, NineUtc.AddHours(1)));
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, opened, Berlin, TenLocal);

        await editor.ChangeAsync("title", "Dentist with Sam");
        await editor.SaveAsync();

        Assert.Equal("The event was changed elsewhere (now version 2, you edited 1). Reload and try again.",
            editor.FormError);
        Assert.False(editor.Closed.IsCompleted);
        Assert.Equal("Dentist at 9", Assert.Single(await database.EventsOfAsync(userId)).Title);
    }

    [Fact]
    public async Task SavingAnEventDeletedElsewhereSaysSo()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var opened = await Events.CreateAsync(userId, new EventInput("Dentist", NineUtc, NineUtc.AddHours(1)));
        await Events.DeleteAsync(userId, opened.Id);
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, opened, Berlin, TenLocal);

        await editor.ChangeAsync("title", "Dentist with Sam");
        await editor.SaveAsync();

        Assert.Equal("This event was deleted elsewhere.", editor.FormError);
        Assert.False(editor.Closed.IsCompleted);
    }
}
