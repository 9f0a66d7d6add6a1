using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;

namespace SyncDashboard.Tests.Components;

public sealed class EventEditorTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTime TenLocal = new(2026, 3, 10, 10, 0, 0);
    private static readonly DateTimeOffset NineUtc = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private EventService Events => database.Services.GetRequiredService<EventService>();

    [Fact]
    public async Task NewEventIsSavedFromTheUsersWallClockAndTheDialogClosesWithChanges()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, null, Berlin, TenLocal);

        await editor.ChangeAsync("title", "Dentist");
        await editor.ChangeAsync("location", "Main St 4");
        await editor.SaveAsync();

        Assert.True(await editor.ClosedAsync());
        var ev = Assert.Single(await database.EventsOfAsync(userId));
        Assert.Equal("Dentist", ev.Title);
        Assert.Equal("Main St 4", ev.Location);
        Assert.Equal(new DateTime(2026, 3, 10, 9, 0, 0), ev.Start); // 10:00 in Berlin
        Assert.Equal(new DateTime(2026, 3, 10, 10, 0, 0), ev.End);
        Assert.Equal("Europe/Berlin", ev.TimeZone);
    }

    [Fact]
    public async Task StartInsideTheSpringForwardGapIsSavedAfterTheJumpInsteadOfCrashing()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        // 02:30 on 29 March does not exist in Berlin; converting it used to throw and end the user's circuit.
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, null, Berlin, new DateTime(2026, 3, 29, 2, 30, 0));

        await editor.ChangeAsync("title", "Night train");
        await editor.ChangeAsync("end", "2026-03-29T05:00:00");
        await editor.SaveAsync();

        Assert.True(await editor.ClosedAsync());
        var ev = Assert.Single(await database.EventsOfAsync(userId));
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0), ev.Start); // 03:30 CEST
        Assert.Equal(new DateTime(2026, 3, 29, 3, 0, 0), ev.End);
    }

    [Fact]
    public async Task ExistingEventIsShownInTheUsersZone()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        var dentist = await Events.CreateAsync(userId, new EventInput("Dentist", NineUtc, NineUtc.AddMinutes(45), Location: "Main St 4", TimeZone: "Europe/Berlin"));
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, dentist, Berlin, TenLocal);

        Assert.Equal("Dentist", editor.Input("title").GetAttribute("value"));
        Assert.Equal("Main St 4", editor.Input("location").GetAttribute("value"));
        Assert.Equal("datetime-local", editor.Input("start").GetAttribute("type"));
        Assert.StartsWith("2026-03-10T10:00", editor.Input("start").GetAttribute("value"));
        Assert.StartsWith("2026-03-10T10:45", editor.Input("end").GetAttribute("value"));
        Assert.Equal("Tue, Mar 10 10:00\u202FAM – 10:45\u202FAM", editor.Host.Find("[data-testid=event-when]").TextContent);
    }

    [Fact]
    public async Task EditingAnEventUpdatesItAndClosesWithChanges()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        var dentist = await Events.CreateAsync(userId, new EventInput("Dentist", NineUtc, NineUtc.AddMinutes(45), TimeZone: "Europe/Berlin"));
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, dentist, Berlin, TenLocal);

        await editor.ChangeAsync("title", "Dentist (moved)");
        await editor.ChangeAsync("start", "2026-03-10T11:00:00");
        await editor.ChangeAsync("end", "2026-03-10T11:45:00");
        await editor.SaveAsync();

        Assert.True(await editor.ClosedAsync());
        var ev = Assert.Single(await database.EventsOfAsync(userId));
        Assert.Equal("Dentist (moved)", ev.Title);
        Assert.Equal(new DateTime(2026, 3, 10, 10, 0, 0), ev.Start);
        Assert.Equal(2, ev.Version);
    }

    [Fact]
    public async Task AllDayEventShowsItsLastDayAndKeepsItsDaysWhenSaved()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        // Stored like Google: 10 and 11 March, end exclusive.
        var offsite = await Events.CreateAsync(userId, new EventInput("Offsite", Date(10), Date(12), IsAllDay: true));
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, offsite, Berlin, TenLocal);

        Assert.True(editor.Input("allDay").HasAttribute("checked"));
        Assert.Equal("date", editor.Input("start").GetAttribute("type"));
        Assert.Equal("2026-03-10", editor.Input("start").GetAttribute("value"));
        Assert.Equal("2026-03-11", editor.Input("end").GetAttribute("value"));
        Assert.Equal("Tue, Mar 10 – Wed, Mar 11, all day", editor.Host.Find("[data-testid=event-when]").TextContent);

        await editor.ChangeAsync("title", "Team offsite");
        await editor.SaveAsync();

        Assert.True(await editor.ClosedAsync());
        var ev = Assert.Single(await database.EventsOfAsync(userId));
        Assert.Equal(("Team offsite", true), (ev.Title, ev.IsAllDay));
        Assert.Equal((new DateTime(2026, 3, 10), new DateTime(2026, 3, 12)), (ev.Start, ev.End));
    }

    [Fact]
    public async Task TickingAllDayAsksForDatesAndSavesWholeDays()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, null, Berlin, TenLocal);

        await editor.ChangeAsync("title", "Holiday");
        await editor.Input("allDay").ChangeAsync(true);

        Assert.Contains("Start date", editor.FormText);
        Assert.Equal("date", editor.Input("start").GetAttribute("type"));
        Assert.Equal("2026-03-10", editor.Input("end").GetAttribute("value"));
        await editor.SaveAsync();

        Assert.True(await editor.ClosedAsync());
        var ev = Assert.Single(await database.EventsOfAsync(userId));
        Assert.True(ev.IsAllDay);
        Assert.Equal((new DateTime(2026, 3, 10), new DateTime(2026, 3, 11)), (ev.Start, ev.End));
        Assert.Null(ev.TimeZone);
    }

    [Fact]
    public async Task SavingARecurringEventKeepsItsRule()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        const string rule = "RRULE:FREQ=WEEKLY;BYDAY=TU\nEXDATE;TZID=Europe/Berlin:20260317T100000";
        var standUp = await Events.CreateAsync(userId, new EventInput("Stand-up", NineUtc, NineUtc.AddMinutes(15), TimeZone: "Europe/Berlin", Recurrence: rule));
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, await Events.GetAsync(userId, standUp.Id), Berlin, TenLocal);

        await editor.ChangeAsync("title", "Daily stand-up");
        await editor.SaveAsync();

        Assert.True(await editor.ClosedAsync());
        var ev = Assert.Single(await database.EventsOfAsync(userId));
        Assert.Equal("Daily stand-up", ev.Title);
        Assert.Equal(rule, ev.Recurrence);
        Assert.Equal(NineUtc.UtcDateTime, ev.Start);
    }

    [Fact]
    public async Task DeleteAsksFirstNamingWhereElseItGoesThenRemovesTheEventAndSaysSo()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        await database.NewIntegrationAsync(userId, "Work");
        var dentist = await Events.CreateAsync(userId, new EventInput("Dentist", NineUtc, NineUtc.AddHours(1)));
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, dentist, Berlin, TenLocal);

        // The click's handler waits for the answer, so the test answers before awaiting it.
        var deleting = editor.Host.Find("[data-testid=delete-event]").ClickAsync(new());

        Assert.Contains("“Dentist” will be deleted here and in Work.", Text.Of(editor.Host.WaitForElement(".mud-message-box")));
        Assert.False(Assert.Single(await database.EventsOfAsync(userId)).IsDeleted); // nothing happens before the answer
        await editor.ConfirmationButton("Delete").ClickAsync(new());
        await deleting;

        Assert.True(await editor.ClosedAsync());
        Assert.True(Assert.Single(await database.EventsOfAsync(userId)).IsDeleted);
        Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Deleted “Dentist”.");
    }

    [Fact]
    public async Task DeleteAnsweredKeepItKeepsTheEventAndTheEditorOpen()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var dentist = await Events.CreateAsync(userId, new EventInput("Dentist", NineUtc, NineUtc.AddHours(1)));
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, dentist, Berlin, TenLocal);

        var deleting = editor.Host.Find("[data-testid=delete-event]").ClickAsync(new());
        Assert.Contains("“Dentist” will be deleted.", Text.Of(editor.Host.WaitForElement(".mud-message-box")));
        await editor.ConfirmationButton("Keep it").ClickAsync(new());
        await deleting;

        editor.Host.WaitForAssertion(() => Assert.Empty(editor.Host.FindAll(".mud-message-box")));
        Assert.False(editor.Closed.IsCompleted);
        Assert.False(Assert.Single(await database.EventsOfAsync(userId)).IsDeleted);
    }

    [Fact]
    public async Task SavingReportsInASnackbar()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, null, Berlin, TenLocal);

        await editor.ChangeAsync("title", "Dentist");
        await editor.SaveAsync();

        Assert.True(await editor.ClosedAsync());
        Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Created “Dentist”.");
    }

    [Fact]
    public async Task NewEventHasNothingToDelete()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var editor = await EventEditorDialog.OpenAsync(ctx, await database.NewUserAsync(), null, Berlin, TenLocal);

        Assert.Empty(editor.Host.FindAll("[data-testid=delete-event]"));
    }

    [Fact]
    public async Task CancelClosesWithoutChanges()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, null, Berlin, TenLocal);

        await editor.ChangeAsync("title", "Dentist");
        await editor.Button("Cancel").ClickAsync(new());

        Assert.False(await editor.ClosedAsync());
        Assert.Empty(await database.EventsOfAsync(userId));
    }

    [Fact]
    public async Task EditorShowsWhereTheEventStandsWithEachIntegrationAndWhySyncFailed()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var dentist = await Events.CreateAsync(userId, new EventInput("Dentist", NineUtc, NineUtc.AddHours(1)));
        var withSync = dentist with
        {
            ExternalSync =
            [
                new(Guid.NewGuid(), Provider.Google, "Work", LinkState.Synced, "g-1", null),
                new(Guid.NewGuid(), Provider.Notion, "Tasks", LinkState.Failed, null, "Notion is rate limiting us."),
                new(Guid.NewGuid(), Provider.Google, "Family", LinkState.Pending, null, null),
                new(Guid.NewGuid(), Provider.Google, "Club", LinkState.Conflict, "g-2", null),
            ],
        };
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, withSync, Berlin, TenLocal);

        var rows = Text.Of(editor.Host.FindAll("[data-testid=sync-state]"));
        Assert.Equal(
        [
            "Work Google Calendar Synced",
            "Tasks Notion Sync failed Notion is rate limiting us.",
            "Family Google Calendar Waiting to sync",
            "Club Google Calendar In conflict",
        ], rows);
    }

    [Fact]
    public async Task EachIntegrationLinksToTheEventOnItsSideInANewTab()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var dentist = await Events.CreateAsync(userId, new EventInput("Dentist", NineUtc, NineUtc.AddHours(1)));
        var withSync = dentist with
        {
            ExternalSync =
            [
                new(Guid.NewGuid(), Provider.Google, "Work", LinkState.Synced, "g-1", null, "https://www.google.com/calendar/event?eid=ZzEgd29yaw"),
                new(Guid.NewGuid(), Provider.Notion, "Tasks", LinkState.Failed, "p-1", "Notion is rate limiting us.", "https://www.notion.so/Dentist-0123456789abcdef0123456789abcdef"),
                new(Guid.NewGuid(), Provider.Google, "Family", LinkState.Pending, null, null),
            ],
        };
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, withSync, Berlin, TenLocal);

        var links = editor.Host.FindAll("[data-testid=sync-open]");
        Assert.Equal(["Open in Google Calendar", "Open in Notion"], Text.Of(links));
        Assert.Equal("https://www.google.com/calendar/event?eid=ZzEgd29yaw", links[0].GetAttribute("href"));
        Assert.Equal("https://www.notion.so/Dentist-0123456789abcdef0123456789abcdef", links[1].GetAttribute("href"));
        Assert.All(links, l => Assert.Equal("_blank", l.GetAttribute("target")));
        Assert.All(links, l => Assert.Contains("noopener", l.GetAttribute("rel")));
        // Each link sits in its own integration's row, after the state (and the failure's reason).
        var rows = editor.Host.FindAll("[data-testid=sync-state]");
        Assert.Equal("Work Google Calendar Synced Open in Google Calendar", Text.Of(rows[0]));
        Assert.Equal("Tasks Notion Sync failed Notion is rate limiting us. Open in Notion", Text.Of(rows[1]));
        Assert.Empty(rows[2].QuerySelectorAll("a"));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData(" JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("//evil.example/x")]
    [InlineData("/calendar")]
    [InlineData("ftp://files.example/event")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public async Task ALinkThatIsNotHttpFromAProviderIsNeverRendered(string hostile)
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync();
        var dentist = await Events.CreateAsync(userId, new EventInput("Dentist", NineUtc, NineUtc.AddHours(1)));
        var withSync = dentist with { ExternalSync = [new(Guid.NewGuid(), Provider.Google, "Work", LinkState.Synced, "g-1", null, hostile)] };
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, withSync, Berlin, TenLocal);

        Assert.Equal("Work Google Calendar Synced", Text.Of(editor.Host.Find("[data-testid=sync-state]")));
        Assert.Empty(editor.Host.FindAll("[data-testid=sync-states] a"));
    }

    [Fact]
    public async Task ASeriesSaysThatChangesApplyToEveryOccurrence()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        var standUp = await Events.CreateAsync(userId, new EventInput("Stand-up", NineUtc, NineUtc.AddMinutes(15), TimeZone: "Europe/Berlin",
            Recurrence: "RRULE:FREQ=WEEKLY;BYDAY=TU"));
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, standUp, Berlin, TenLocal);

        Assert.Equal("Repeats: every week on Tuesday.", Text.Of(editor.Host.Find("[data-testid=repeat-words]")));
        Assert.Equal("Changes apply to every occurrence.", Text.Of(editor.Host.Find("[data-testid=recurrence-scope]")));
    }

    [Theory]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8", "Repeats: every week on Monday and Wednesday, 8 times.")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231", "Repeats: monthly on the 2nd Tuesday until Dec 31, 2026.")]
    [InlineData("RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR\nEXDATE:20260311T090000Z", "Custom rule: every weekday, except 1 date.")]
    [InlineData("RRULE:FREQ=DAILY;BYHOUR=9,17", "Custom rule: RRULE:FREQ=DAILY;BYHOUR=9,17")]
    public async Task TheRepeatPickerSaysTheRuleInWords(string rule, string expected)
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        var series = await Events.CreateAsync(userId, new EventInput("Series", NineUtc, NineUtc.AddMinutes(30), TimeZone: "Europe/Berlin"));
        // As stored: what arrives from another calendar is kept even when the app would not accept it as input.
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, series with { Recurrence = rule }, Berlin, TenLocal);

        Assert.Equal(expected, Text.Of(editor.Host.Find("[data-testid=repeat-words]")));
    }

    [Fact]
    public async Task ANewEventCanBeMadeToRepeat()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, null, Berlin, TenLocal);

        await editor.ChangeAsync("title", "Gym");
        await editor.ChooseAsync("repeat-frequency", "Weekly");
        await editor.Host.Find("[data-testid=repeat-day-th]").ClickAsync(new());
        await editor.Host.Find("input[data-testid=repeat-end-after]").ClickAsync(new());
        await editor.ChangeAsync("repeatCount", "6");
        await editor.SaveAsync();

        Assert.True(await editor.ClosedAsync());
        var ev = Assert.Single(await database.EventsOfAsync(userId));
        Assert.Equal("RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6", ev.Recurrence);
    }

    [Fact]
    public async Task OnAnOccurrenceANewRuleCanOnlyBeForThisAndFollowingOrAll()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        var series = await Events.CreateAsync(userId, new EventInput("Class", NineUtc, NineUtc.AddHours(1), TimeZone: "Europe/Berlin",
            Recurrence: "RRULE:FREQ=WEEKLY;COUNT=4"));
        var second = await Events.GetOccurrenceAsync(userId, series.Id, NineUtc.AddDays(7));
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, second, Berlin, TenLocal);
        Assert.Contains("When you save, you choose which occurrences change.", editor.FormText);
        Assert.Empty(editor.Host.FindAll("[data-testid=repeat-frequency]"));

        await editor.Host.Find("[data-testid=change-rule]").ClickAsync(new());
        await editor.ChooseAsync("repeat-frequency", "Daily");
        // Saving waits for the scope question, so it is answered while the save is under way.
        var saving = editor.SaveAsync();

        editor.Host.WaitForElement("[data-testid=scope-ok]", TimeSpan.FromSeconds(10));
        Assert.Empty(editor.Host.FindAll("[data-testid=scope-this]"));
        await editor.Host.Find("[data-testid=scope-ok]").ClickAsync(new());
        await saving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await editor.ClosedAsync());
        var rows = (await database.EventsOfAsync(userId)).OrderBy(e => e.Start).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("RRULE:FREQ=WEEKLY;UNTIL=20260317T085959Z", rows[0].Recurrence);
        Assert.StartsWith("RRULE:FREQ=DAILY", rows[1].Recurrence);
        Assert.Equal(NineUtc.AddDays(7).UtcDateTime, rows[1].Start);
    }

    [Fact]
    public async Task EditingAnUntouchedSeriesKeepsItsRuleAsWritten()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        // Google's own spelling: WKST and BYDAY order the picker would write otherwise.
        const string rule = "RRULE:FREQ=WEEKLY;WKST=SU;BYDAY=TH,TU\nEXDATE;TZID=Europe/Berlin:20260317T100000";
        var series = await Events.CreateAsync(userId, new EventInput("Series", NineUtc, NineUtc.AddMinutes(30), TimeZone: "Europe/Berlin", Recurrence: rule));
        var editor = await EventEditorDialog.OpenAsync(ctx, userId, series, Berlin, TenLocal);

        await editor.ChangeAsync("title", "Series (renamed)");
        await editor.SaveAsync();

        Assert.True(await editor.ClosedAsync());
        Assert.Equal(rule, Assert.Single(await database.EventsOfAsync(userId)).Recurrence);
    }

    [Fact]
    public async Task ASeriesTheAppCannotExpandSaysWhyInsteadOfItsRule()
    {
        await using var ctx = EventEditorDialog.NewContext(database);
        var userId = await database.NewUserAsync("Europe/Berlin");
        var series = await Events.CreateAsync(userId, new EventInput("Foreign", NineUtc, NineUtc.AddMinutes(30), TimeZone: "Europe/Berlin"));
        var editor = await EventEditorDialog.OpenAsync(ctx, userId,
            series with { Recurrence = "RRULE:FREQ=HOURLY", RecurrenceProblem = "FREQ=HOURLY is not supported." }, Berlin, TenLocal);

        Assert.Equal("Repeats in its own calendar, shown here once: FREQ=HOURLY is not supported.",
            Text.Of(editor.Host.Find("[data-testid=recurrence-note]")));
    }

    private static DateTimeOffset Date(int day) => new(2026, 3, day, 0, 0, 0, TimeSpan.Zero);
}
