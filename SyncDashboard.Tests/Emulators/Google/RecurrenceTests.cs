using System.Net.Http.Json;
using System.Net;
using System.Text.Json;

namespace SyncDashboard.Tests.Emulators.Google;

public sealed class RecurrenceTests(GoogleEmulatorHost host) : IClassFixture<GoogleEmulatorHost>
{
    [Fact]
    public async Task WeeklyRuleExpandsInTheEventZoneAcrossDst()
    {
        var user = host.NewUser();
        // Mondays and Wednesdays 09:00 Berlin; Europe switches to summer time on 2026-03-29.
        var master = await user.InsertOkAsync(GoogleBodies.Weekly("Sync", "2026-03-23T09:00:00", "2026-03-23T09:30:00",
            "Europe/Berlin", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4"));
        var id = master.GetProperty("id").GetString()!;

        var page = await user.GetJsonAsync($"{user.Events}?singleEvents=true&orderBy=startTime");
        var items = page.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(
            ["2026-03-23T09:00:00+01:00", "2026-03-25T09:00:00+01:00", "2026-03-30T09:00:00+02:00", "2026-04-01T09:00:00+02:00"],
            items.Select(i => i.GetProperty("start").GetProperty("dateTime").GetString()));
        Assert.Equal($"{id}_20260323T080000Z", items[0].GetProperty("id").GetString());
        Assert.Equal($"{id}_20260330T070000Z", items[2].GetProperty("id").GetString());
        Assert.All(items, i => Assert.Equal(id, i.GetProperty("recurringEventId").GetString()));
        Assert.All(items, i => Assert.False(i.TryGetProperty("recurrence", out _)));
        Assert.Equal("2026-03-30T09:30:00+02:00", items[2].GetProperty("end").GetProperty("dateTime").GetString());
    }

    [Theory]
    // The month's last Friday at 09:00 New York, across the start of summer time on 8 March.
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", "2026-02-27T09:00:00", "2026-02-27T09:00:00-05:00 2026-03-27T09:00:00-04:00 2026-04-24T09:00:00-04:00")]
    // The 31st: months without one are skipped.
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3", "2026-01-31T09:00:00", "2026-01-31T09:00:00-05:00 2026-03-31T09:00:00-04:00 2026-05-31T09:00:00-04:00")]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=2", "2026-11-26T09:00:00", "2026-11-26T09:00:00-05:00 2027-11-25T09:00:00-05:00")]
    public async Task MonthlyAndYearlyRulesByMonthDayAndNthWeekdayExpand(string rule, string start, string expected)
    {
        var user = host.NewUser();
        await user.InsertOkAsync(GoogleBodies.Weekly("Series", start, start.Replace("T09", "T10"), "America/New_York", rule));

        var page = await user.GetJsonAsync($"{user.Events}?singleEvents=true&orderBy=startTime");

        Assert.Equal(expected, string.Join(" ", page.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("start").GetProperty("dateTime").GetString())));
    }

    [Fact]
    public async Task CancelledInstanceIsHiddenButKeptAsMinimalExceptionInSync()
    {
        var user = host.NewUser();
        var master = await user.InsertOkAsync(GoogleBodies.Weekly("Daily", "2026-05-04T10:00:00", "2026-05-04T11:00:00",
            "UTC", "RRULE:FREQ=DAILY;INTERVAL=2;UNTIL=20260510T235959Z"));
        var id = master.GetProperty("id").GetString()!;
        var before = await user.GetJsonAsync(user.Events);
        var token = before.GetProperty("nextSyncToken").GetString()!;
        var instanceId = $"{id}_20260506T100000Z";

        using var delete = await user.Api.DeleteAsync($"{user.Events}/{instanceId}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        var expanded = await user.GetJsonAsync($"{user.Events}?singleEvents=true");
        Assert.Equal([$"{id}_20260504T100000Z", $"{id}_20260508T100000Z", $"{id}_20260510T100000Z"],
            expanded.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Order());

        var collapsed = await user.GetJsonAsync(user.Events); // master plus the cancelled exception
        Assert.Equal(2, collapsed.GetProperty("items").GetArrayLength());

        var changes = await user.GetJsonAsync($"{user.Events}?syncToken={Uri.EscapeDataString(token)}");
        var exception = Assert.Single(changes.GetProperty("items").EnumerateArray());
        Assert.Equal(["etag", "id", "kind", "originalStartTime", "recurringEventId", "status"],
            exception.EnumerateObject().Select(p => p.Name).Order().ToArray());
        Assert.Equal(id, exception.GetProperty("recurringEventId").GetString());
        Assert.Equal("cancelled", exception.GetProperty("status").GetString());

        var masterAfter = await user.GetJsonAsync($"{user.Events}/{id}");
        Assert.Equal("confirmed", masterAfter.GetProperty("status").GetString());
    }

    [Fact]
    public async Task MovedInstanceAppearsAtItsNewTime()
    {
        var user = host.NewUser();
        var master = await user.InsertOkAsync(GoogleBodies.Weekly("Weekly", "2026-06-01T09:00:00", "2026-06-01T10:00:00",
            "UTC", "RRULE:FREQ=WEEKLY;COUNT=3"));
        var id = master.GetProperty("id").GetString()!;
        var instance = await user.GetJsonAsync($"{user.Events}/{id}_20260608T090000Z");
        Assert.Equal(id, instance.GetProperty("recurringEventId").GetString());

        using var patch = await user.Api.PatchAsync($"{user.Events}/{id}_20260608T090000Z", new StringContent(
            """{"start":{"dateTime":"2026-06-09T15:00:00Z"},"end":{"dateTime":"2026-06-09T16:00:00Z"}}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        var items = (await user.GetJsonAsync($"{user.Events}?singleEvents=true&orderBy=startTime"))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("2026-06-09T15:00:00Z", items[1].GetProperty("start").GetProperty("dateTime").GetString());
        Assert.Equal("2026-06-08T09:00:00Z", items[1].GetProperty("originalStartTime").GetProperty("dateTime").GetString());
    }

    [Fact]
    public async Task MonthlyAndAllDayYearlyRulesExpand()
    {
        var user = host.NewUser();
        await user.InsertOkAsync(GoogleBodies.Weekly("Rent", "2026-01-31T08:00:00", "2026-01-31T09:00:00", "UTC",
            "RRULE:FREQ=MONTHLY;COUNT=3"));
        await user.InsertOkAsync(new
        {
            summary = "Birthday", start = new { date = "2026-02-10" }, end = new { date = "2026-02-11" },
            recurrence = new[] { "RRULE:FREQ=YEARLY;COUNT=2" },
        });

        var items = (await user.GetJsonAsync($"{user.Events}?singleEvents=true&orderBy=startTime&timeMax=2028-01-01T00:00:00Z"))
            .GetProperty("items").EnumerateArray().Select(Start).ToList();

        // Months without a 31st are skipped (RFC 5545), so COUNT=3 reaches May.
        Assert.Equal(["2026-01-31T08:00:00Z", "2026-02-10", "2026-03-31T08:00:00Z", "2026-05-31T08:00:00Z", "2027-02-10"], items);
    }

    private static string Start(JsonElement item)
    {
        var start = item.GetProperty("start");
        return start.TryGetProperty("date", out var d) ? d.GetString()! : start.GetProperty("dateTime").GetString()!;
    }

    [Fact]
    public async Task InstancesListsTheSeriesWithExceptionsInPlaceAndCancelledOnlyWhenAsked()
    {
        var user = host.NewUser();
        var master = await user.InsertOkAsync(GoogleBodies.Weekly("Class", "2026-06-01T18:00:00", "2026-06-01T19:00:00",
            "Europe/Berlin", "RRULE:FREQ=WEEKLY;COUNT=5"));
        var id = master.GetProperty("id").GetString()!;
        using var moved = await user.Api.PatchAsync($"{user.Events}/{id}_20260608T160000Z",
            JsonContent.Create(new { summary = "Class (hall B)", start = new { dateTime = "2026-06-09T18:00:00+02:00", timeZone = "Europe/Berlin" },
                end = new { dateTime = "2026-06-09T19:00:00+02:00", timeZone = "Europe/Berlin" } }));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        using var cancelled = await user.Api.DeleteAsync($"{user.Events}/{id}_20260615T160000Z");

        var instances = (await user.GetJsonAsync($"{user.Events}/{id}/instances")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([$"{id}_20260601T160000Z", $"{id}_20260608T160000Z", $"{id}_20260622T160000Z", $"{id}_20260629T160000Z"],
            instances.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("Class (hall B)", instances[1].GetProperty("summary").GetString());
        Assert.Equal("2026-06-08T18:00:00+02:00", instances[1].GetProperty("originalStartTime").GetProperty("dateTime").GetString());
        Assert.All(instances, i => Assert.Equal(id, i.GetProperty("recurringEventId").GetString()));

        var withDeleted = (await user.GetJsonAsync($"{user.Events}/{id}/instances?showDeleted=true")).GetProperty("items");
        Assert.Equal(5, withDeleted.GetArrayLength());

        var window = await user.GetJsonAsync($"{user.Events}/{id}/instances?timeMin=2026-06-20T00:00:00Z&maxResults=1");
        Assert.Equal($"{id}_20260622T160000Z", Assert.Single(window.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var next = window.GetProperty("nextPageToken").GetString()!;
        var second = await user.GetJsonAsync($"{user.Events}/{id}/instances?timeMin=2026-06-20T00:00:00Z&maxResults=1&pageToken={Uri.EscapeDataString(next)}");
        Assert.Equal($"{id}_20260629T160000Z", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.False(second.TryGetProperty("nextPageToken", out _));

        using var unknown = await user.Api.GetAsync($"{user.Events}/nosuchevent/instances");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var garbage = await user.Api.GetAsync($"{user.Events}/{id}/instances?pageToken=garbage");
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }
}
