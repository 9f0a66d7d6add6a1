using System.Text.Json.Nodes;
using SyncDashboard.Emulators.Notion;

namespace SyncDashboard.Tests.Emulators.Notion;

public sealed class NotionPageTests
{
    [Fact]
    public async Task CreateRetrieveUpdateTrashAndRestoreAPage()
    {
        await using var host = await NotionTestHost.StartAsync();
        var created = await host.CreatePageAsync(Props.Calendar("Dentist", "2025-03-01", "Main St"));
        Assert.Equal(200, created.Status);
        var id = created.Obj["id"]!.GetValue<string>();
        Assert.Equal("page", created.Obj["object"]!.GetValue<string>());
        Assert.Equal("data_source_id", created.Obj["parent"]!["type"]!.GetValue<string>());
        Assert.Equal(host.Demo.Calendar.Id, created.Obj["parent"]!["database_id"]!.GetValue<string>());
        Assert.Equal(host.Demo.InternalIntegration.BotId, created.Obj["created_by"]!["id"]!.GetValue<string>());

        var classic = await host.ApiAsync(HttpMethod.Get, "pages/" + id.Replace("-", ""), version: NotionVersion.Classic);
        Assert.Equal("database_id", classic.Obj["parent"]!["type"]!.GetValue<string>());
        Assert.Equal("Dentist", classic.Obj["properties"]!["Title"]!["title"]![0]!["plain_text"]!.GetValue<string>());
        Assert.Equal("2025-03-01", classic.Obj["properties"]!["Date"]!["date"]!["start"]!.GetValue<string>());
        Assert.False(classic.Obj["archived"]!.GetValue<bool>());

        var updated = await host.ApiAsync(HttpMethod.Patch, "pages/" + id,
            new JsonObject { ["properties"] = new JsonObject { ["Location"] = NotionValues.RichText("Elm St") } });
        Assert.Equal("Elm St", updated.Obj["properties"]!["Location"]!["rich_text"]![0]!["text"]!["content"]!.GetValue<string>());
        Assert.Equal("Dentist", host.Emulator.GetPageSnapshot(id).Text("Title"));

        var trashed = await host.ApiAsync(HttpMethod.Patch, "pages/" + id, new JsonObject { ["in_trash"] = true });
        Assert.True(trashed.Obj["in_trash"]!.GetValue<bool>());

        var edit = await host.ApiAsync(HttpMethod.Patch, "pages/" + id,
            new JsonObject { ["properties"] = new JsonObject { ["Location"] = NotionValues.RichText("Oak St") } });
        Assert.Equal(400, edit.Status);
        Assert.Equal("validation_error", edit.Obj["code"]!.GetValue<string>());
        Assert.Equal("Can't edit block that is archived. You must unarchive the block before editing.", edit.Obj["message"]!.GetValue<string>());

        var restored = await host.ApiAsync(HttpMethod.Patch, "pages/" + id, new JsonObject { ["in_trash"] = false }, NotionVersion.NoArchived);
        Assert.False(restored.Obj["in_trash"]!.GetValue<bool>());
        Assert.False(restored.Obj.ContainsKey("archived"));
    }

    [Fact]
    public async Task LastEditedTimeIsRoundedDownToTheMinute()
    {
        await using var host = await NotionTestHost.StartAsync();
        var clock = new ManualClock(new DateTimeOffset(2025, 1, 1, 10, 5, 12, 345, TimeSpan.Zero));
        host.Emulator.Clock = clock;
        var created = await host.CreatePageAsync(Props.Calendar("A"));
        var id = created.Obj["id"]!.GetValue<string>();
        Assert.Equal("2025-01-01T10:05:00.000Z", created.Obj["last_edited_time"]!.GetValue<string>());
        Assert.Equal("2025-01-01T10:05:00.000Z", created.Obj["created_time"]!.GetValue<string>());

        clock.Now = clock.Now.AddSeconds(40); // 10:05:52, same minute
        var same = await host.ApiAsync(HttpMethod.Patch, "pages/" + id, new JsonObject { ["properties"] = Props.Calendar("B") });
        Assert.Equal("2025-01-01T10:05:00.000Z", same.Obj["last_edited_time"]!.GetValue<string>());

        clock.Now = clock.Now.AddSeconds(10); // 10:06:02
        var next = await host.ApiAsync(HttpMethod.Patch, "pages/" + id, new JsonObject { ["properties"] = Props.Calendar("C") });
        Assert.Equal("2025-01-01T10:06:00.000Z", next.Obj["last_edited_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task RichTextOver2000CharactersOrOver100ItemsIsRejected()
    {
        await using var host = await NotionTestHost.StartAsync();
        var tooLong = await host.CreatePageAsync(new JsonObject { ["Notes"] = NotionValues.RichText(new string('x', 2001)) });
        Assert.Equal(400, tooLong.Status);
        Assert.Equal("validation_error", tooLong.Obj["code"]!.GetValue<string>());
        Assert.Contains("2000", tooLong.Obj["message"]!.GetValue<string>());

        var items = new JsonArray(Enumerable.Range(0, 101).Select(_ => (JsonNode)new JsonObject { ["text"] = new JsonObject { ["content"] = "a" } }).ToArray());
        var tooMany = await host.CreatePageAsync(new JsonObject { ["Notes"] = new JsonObject { ["rich_text"] = items } });
        Assert.Equal(400, tooMany.Status);
        Assert.Empty(host.Emulator.ListPages(host.Demo.Calendar.Id));

        var exactly = await host.CreatePageAsync(new JsonObject { ["Notes"] = NotionValues.RichText(new string('x', 2000)) });
        Assert.Equal(200, exactly.Status);
    }

    [Fact]
    public async Task WrongPropertyTypeOrUnknownPropertyNamesTheProperty()
    {
        await using var host = await NotionTestHost.StartAsync();
        var odd = host.Emulator.CreateDatabase(host.Demo.Workspace.Id, "Odd", [new("Title", "title"), new("Date", "rich_text")]);
        host.Emulator.ShareDatabase(odd.Id, host.Demo.InternalIntegration.BotId);
        var wrong = await host.ApiAsync(HttpMethod.Post, "pages", new JsonObject
        {
            ["parent"] = new JsonObject { ["database_id"] = odd.Id },
            ["properties"] = new JsonObject { ["Date"] = NotionValues.Date("2025-03-01") },
        });
        Assert.Equal(400, wrong.Status);
        Assert.Equal("validation_error", wrong.Obj["code"]!.GetValue<string>());
        Assert.Contains("Date", wrong.Obj["message"]!.GetValue<string>());

        var unknown = await host.CreatePageAsync(new JsonObject { ["Colour"] = NotionValues.RichText("red") });
        Assert.Equal(400, unknown.Status);
        Assert.Contains("Colour", unknown.Obj["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task DateWithTimeZoneReadsBackWithOffsetAndNullTimeZone()
    {
        await using var host = await NotionTestHost.StartAsync();
        var created = await host.CreatePageAsync(new JsonObject
        {
            ["Title"] = NotionValues.Title("Standup"),
            ["Date"] = NotionValues.Date("2025-07-01T09:00:00", "2025-07-01T09:30:00", "Europe/Berlin"),
        });
        var date = created.Obj["properties"]!["Date"]!["date"]!;
        Assert.Equal("2025-07-01T09:00:00.000+02:00", date["start"]!.GetValue<string>());
        Assert.Equal("2025-07-01T09:30:00.000+02:00", date["end"]!.GetValue<string>());
        Assert.Null(date["time_zone"]);

        var withOffset = await host.CreatePageAsync(new JsonObject { ["Date"] = NotionValues.Date("2025-07-01T09:00:00+02:00", null, "Europe/Berlin") });
        Assert.Equal(400, withOffset.Status);
        var dateOnly = await host.CreatePageAsync(new JsonObject { ["Date"] = NotionValues.Date("2025-07-01", null, "Europe/Berlin") });
        Assert.Equal(400, dateOnly.Status);
    }

    [Fact]
    public async Task UnknownSelectOptionIsCreated()
    {
        await using var host = await NotionTestHost.StartAsync();
        var created = await host.CreatePageAsync(new JsonObject { ["Status"] = NotionValues.Select("Tentative") });
        Assert.Equal("Tentative", created.Obj["properties"]!["Status"]!["select"]!["name"]!.GetValue<string>());
        var ds = await host.ApiAsync(HttpMethod.Get, "data_sources/" + host.Demo.Calendar.DataSourceId);
        Assert.Contains(ds.Obj["properties"]!["Status"]!["select"]!["options"]!.AsArray(), o => o!["name"]!.GetValue<string>() == "Tentative");
    }

    [Fact]
    public async Task UserEditsBumpLastEditedTimeAndAreVisibleToTheApi()
    {
        await using var host = await NotionTestHost.StartAsync();
        var clock = new ManualClock(new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.Zero));
        host.Emulator.Clock = clock;
        var id = host.Emulator.CreatePageAsUser(host.Demo.Calendar.Id, new Dictionary<string, JsonNode?> { ["Title"] = NotionValues.Title("Lunch") });
        clock.Now = clock.Now.AddMinutes(3);
        host.Emulator.UpdatePageAsUser(id, new Dictionary<string, JsonNode?> { ["Location"] = NotionValues.RichText("Cafe") });
        var page = await host.ApiAsync(HttpMethod.Get, "pages/" + id);
        Assert.Equal("2025-01-01T10:03:00.000Z", page.Obj["last_edited_time"]!.GetValue<string>());
        Assert.Equal(host.Demo.Workspace.UserId, page.Obj["last_edited_by"]!["id"]!.GetValue<string>());
        host.Emulator.TrashPageAsUser(id);
        Assert.True(host.Emulator.GetPageSnapshot(id).InTrash);
    }
}
