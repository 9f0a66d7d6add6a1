using SyncDashboard.Core.Common;
using SyncDashboard.Core.Events;

namespace SyncDashboard.Tests.Unit;

public sealed class EventValidatorTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void TimedEventIsStoredInUtc()
    {
        var fields = EventValidator.Validate(new EventInput("Stand-up", Nine, Nine.AddMinutes(15), TimeZone: "Europe/Berlin"));
        Assert.Equal(new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc), fields.Start);
        Assert.Equal(DateTimeKind.Utc, fields.End.Kind);
        Assert.Equal("Europe/Berlin", fields.TimeZone);
    }

    [Fact]
    public void MissingTitleIsRefusedWithAMessageForTheField()
    {
        var ex = Assert.Throws<InputValidationException>(() => EventValidator.Validate(new EventInput("  ", Nine, Nine.AddHours(1))));
        Assert.Equal(["Title is required."], ex.Errors["title"]);
    }

    [Fact]
    public void EndBeforeStartIsRefused()
    {
        var ex = Assert.Throws<InputValidationException>(() => EventValidator.Validate(new EventInput("x", Nine, Nine.AddMinutes(-1))));
        Assert.Contains("End must be after start.", ex.Errors["end"]);
    }

    [Fact]
    public void EqualStartAndEndIsRefusedForTimedEvents() =>
        Assert.Throws<InputValidationException>(() => EventValidator.Validate(new EventInput("x", Nine, Nine)));

    [Theory]
    [InlineData(201, 0, 0, "title")]
    [InlineData(1, 501, 0, "location")]
    [InlineData(1, 0, 8001, "description")]
    public void OverLongFieldsAreRefused(int title, int location, int description, string field)
    {
        var input = new EventInput(new string('t', title), Nine, Nine.AddHours(1),
            Location: location > 0 ? new string('l', location) : null, Description: description > 0 ? new string('d', description) : null);
        var ex = Assert.Throws<InputValidationException>(() => EventValidator.Validate(input));
        Assert.True(ex.Errors.ContainsKey(field));
    }

    [Fact]
    public void UnknownTimeZoneIsRefused()
    {
        var ex = Assert.Throws<InputValidationException>(() => EventValidator.Validate(new EventInput("x", Nine, Nine.AddHours(1), TimeZone: "Mars/Olympus")));
        Assert.True(ex.Errors.ContainsKey("timeZone"));
    }

    [Fact]
    public void AllDayEventKeepsDatesWithExclusiveEnd()
    {
        var fields = EventValidator.Validate(new EventInput("Offsite", new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), IsAllDay: true));
        Assert.Equal(new DateTime(2026, 11, 27), fields.Start);
        Assert.Equal(new DateTime(2026, 11, 29), fields.End);
        Assert.True(fields.IsAllDay);
    }

    [Fact]
    public void AllDayEventEndingOnItsStartDayLastsOneDay()
    {
        var day = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        var fields = EventValidator.Validate(new EventInput("Holiday", day, day, IsAllDay: true));
        Assert.Equal(new DateTime(2026, 11, 28), fields.End);
    }

    [Fact]
    public void RecurrenceLinesMustBeRfc5545Properties()
    {
        Assert.Throws<InputValidationException>(() => EventValidator.Validate(new EventInput("x", Nine, Nine.AddHours(1), Recurrence: "every monday")));
        var ok = EventValidator.Validate(new EventInput("x", Nine, Nine.AddHours(1), Recurrence: "RRULE:FREQ=WEEKLY;BYDAY=MO\r\nEXDATE:20261130T080000Z"));
        Assert.Equal("RRULE:FREQ=WEEKLY;BYDAY=MO\nEXDATE:20261130T080000Z", ok.Recurrence);
    }

    [Theory]
    [InlineData("RRULE:FREQ=DAILY;INTERVAL=2147483647", "INTERVAL must be a whole number from 1 to 1000.")]
    [InlineData("RRULE:FREQ=HOURLY", "FREQ=HOURLY is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY.")]
    public void HostileRecurrenceIsRefusedNamingTheField(string recurrence, string message)
    {
        var ex = Assert.Throws<InputValidationException>(() => EventValidator.Validate(new EventInput("x", Nine, Nine.AddHours(1), Recurrence: recurrence)));
        Assert.Equal([message], ex.Errors["recurrence"]);
    }

    [Fact]
    public void StoredRecurrenceSentBackUnchangedIsNotCheckedAgain()
    {
        const string fromGoogle = "RRULE:FREQ=HOURLY;INTERVAL=2";
        var fields = EventValidator.Validate(new EventInput("Renamed", Nine, Nine.AddHours(1), Recurrence: fromGoogle), storedRecurrence: fromGoogle);
        Assert.Equal(fromGoogle, fields.Recurrence);
        Assert.Throws<InputValidationException>(() =>
            EventValidator.Validate(new EventInput("x", Nine, Nine.AddHours(1), Recurrence: "RRULE:FREQ=MINUTELY"), storedRecurrence: fromGoogle));
    }

    public static TheoryData<DateTimeOffset, DateTimeOffset, bool, string> EdgeDates => new()
    {
        { new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), true, "start" },
        { new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), new(9999, 12, 31, 1, 0, 0, TimeSpan.Zero), false, "start" },
        { new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), true, "end" },
        { new(1, 1, 2, 0, 0, 0, TimeSpan.Zero), new(1, 1, 2, 1, 0, 0, TimeSpan.Zero), false, "start" },
        { new(1899, 12, 31, 23, 0, 0, TimeSpan.Zero), new(1900, 1, 1, 1, 0, 0, TimeSpan.Zero), false, "start" },
        { new(2200, 12, 31, 0, 0, 0, TimeSpan.Zero), new(2201, 1, 1, 0, 0, 0, TimeSpan.Zero), false, "end" },
    };

    [Theory]
    [MemberData(nameof(EdgeDates))]
    public void DatesOutsideYears1900To2200AreRefused(DateTimeOffset start, DateTimeOffset end, bool allDay, string field)
    {
        var ex = Assert.Throws<InputValidationException>(() => EventValidator.Validate(new EventInput("x", start, end, IsAllDay: allDay)));
        Assert.Equal([$"{(field == "start" ? "Start" : "End")} must be between 1900-01-01 and 2200-12-31."], ex.Errors[field]);
    }

    [Fact]
    public void LastDayOfTheRangeIsAccepted()
    {
        var day = new DateTimeOffset(2200, 12, 31, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTime(2201, 1, 1), EventValidator.Validate(new EventInput("Last", day, day, IsAllDay: true)).End);
    }
}
