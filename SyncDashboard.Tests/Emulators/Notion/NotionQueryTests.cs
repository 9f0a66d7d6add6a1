using System.Text.Json.Nodes;
using SyncDashboard.Emulators.Notion;

namespace SyncDashboard.Tests.Emulators.Notion;

public sealed class NotionQueryTests
{
    private static async Task<ApiResponse> Query(NotionTestHost host, JsonObject body) =>
        await host.ApiAsync(HttpMethod.Post, $"data_sources/{host.Demo.Calendar.DataSourceId}/query", body);

    private static List<string> Titles(ApiResponse r) =>
        r.Obj["results"]!.AsArray().Select(p => p!["properties"]!["Title"]!["title"]![0]!["plain_text"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task LastEditedTimeOnOrAfterReturnsOnlyRecentEdits()
    {
        await using var host = await NotionTestHost.StartAsync();
        var clock = new ManualClock(new DateTimeOffset(2025, 1, 1, 9, 0, 30, TimeSpan.Zero));
        host.Emulator.Clock = clock;
        await host.CreatePageAsync(Props.Calendar("Old"));
        clock.Now = new DateTimeOffset(2025, 1, 1, 10, 5, 30, TimeSpan.Zero);
        await host.CreatePageAsync(Props.Calendar("New"));

        var r = await Query(host, new JsonObject
        {
            ["filter"] = new JsonObject { ["timestamp"] = "last_edited_time", ["last_edited_time"] = new JsonObject { ["on_or_after"] = "2025-01-01T10:05:00Z" } },
        });
        Assert.Equal(["New"], Titles(r));
        Assert.Equal("page_or_data_source", r.Obj["type"]!.GetValue<string>());

        var classic = await host.ApiAsync(HttpMethod.Post, $"databases/{host.Demo.Calendar.Id}/query", new JsonObject
        {
            ["filter"] = new JsonObject { ["timestamp"] = "last_edited_time", ["last_edited_time"] = new JsonObject { ["before"] = "2025-01-01T10:00:00Z" } },
        }, NotionVersion.Classic);
        Assert.Equal(["Old"], Titles(classic));
        Assert.Equal("page_or_database", classic.Obj["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task PropertyFiltersCompoundAndSorts()
    {
        await using var host = await NotionTestHost.StartAsync();
        await host.CreatePageAsync(Props.Calendar("B", "2025-03-02", "Berlin"));
        await host.CreatePageAsync(Props.Calendar("A", "2025-03-05", "Paris"));
        await host.CreatePageAsync(Props.Calendar("C", "2025-02-01", "Berlin"));

        var equals = await Query(host, new JsonObject
        {
            ["filter"] = new JsonObject { ["property"] = "Location", ["rich_text"] = new JsonObject { ["equals"] = "Berlin" } },
            ["sorts"] = new JsonArray(new JsonObject { ["property"] = "Date", ["direction"] = "ascending" }),
        });
        Assert.Equal(["C", "B"], Titles(equals));

        var compound = await Query(host, new JsonObject
        {
            ["filter"] = new JsonObject
            {
                ["or"] = new JsonArray(
                    new JsonObject { ["property"] = "Title", ["title"] = new JsonObject { ["contains"] = "a" } },
                    new JsonObject { ["and"] = new JsonArray(
                        new JsonObject { ["property"] = "Location", ["rich_text"] = new JsonObject { ["equals"] = "Berlin" } },
                        new JsonObject { ["property"] = "Date", ["date"] = new JsonObject { ["on_or_after"] = "2025-03-01" } }) }),
            },
            ["sorts"] = new JsonArray(new JsonObject { ["property"] = "Title", ["direction"] = "descending" }),
        });
        Assert.Equal(["B", "A"], Titles(compound));

        var mismatch = await Query(host, new JsonObject
        {
            ["filter"] = new JsonObject { ["property"] = "Date", ["rich_text"] = new JsonObject { ["equals"] = "x" } },
        });
        Assert.Equal(400, mismatch.Status);
    }

    [Fact]
    public async Task PagingWithPageSizeAndCursor()
    {
        await using var host = await NotionTestHost.StartAsync();
        for (var i = 0; i < 5; i++) await host.CreatePageAsync(Props.Calendar("P" + i));
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var body = new JsonObject { ["page_size"] = 2 };
            if (cursor is not null) body["start_cursor"] = cursor;
            var r = await Query(host, body);
            Assert.True(r.Obj["results"]!.AsArray().Count <= 2);
            seen.AddRange(Titles(r));
            cursor = r.Obj["next_cursor"]?.GetValue<string>();
            Assert.Equal(cursor is not null, r.Obj["has_more"]!.GetValue<bool>());
            pages++;
        } while (cursor is not null);
        Assert.Equal(3, pages);
        Assert.Equal(["P0", "P1", "P2", "P3", "P4"], seen);

        var tooBig = await Query(host, new JsonObject { ["page_size"] = 101 });
        Assert.Equal(400, tooBig.Status);
        Assert.Equal("validation_error", tooBig.Obj["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task TrashedPagesAreExcludedUnlessInTrashRequested()
    {
        await using var host = await NotionTestHost.StartAsync();
        await host.CreatePageAsync(Props.Calendar("Keep"));
        var gone = await host.CreatePageAsync(Props.Calendar("Gone"));
        await host.ApiAsync(HttpMethod.Patch, "pages/" + gone.Obj["id"]!.GetValue<string>(), new JsonObject { ["in_trash"] = true });
        Assert.Equal(["Keep"], Titles(await Query(host, new JsonObject())));
        Assert.Equal(["Keep", "Gone"], Titles(await Query(host, new JsonObject { ["in_trash"] = true })));
    }

    [Fact]
    public async Task CheckboxFilter()
    {
        await using var host = await NotionTestHost.StartAsync();
        await host.CreatePageAsync(new JsonObject { ["Title"] = NotionValues.Title("Done"), ["Done"] = NotionValues.Checkbox(true) });
        await host.CreatePageAsync(new JsonObject { ["Title"] = NotionValues.Title("Open") });
        var r = await Query(host, new JsonObject { ["filter"] = new JsonObject { ["property"] = "Done", ["checkbox"] = new JsonObject { ["equals"] = false } } });
        Assert.Equal(["Open"], Titles(r));
    }
}
