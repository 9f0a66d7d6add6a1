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
}
