using System.Text.Json.Nodes;
using SyncDashboard.Emulators.Notion;

namespace SyncDashboard.Tests.Emulators.Notion;

public sealed class NotionDatabaseTests
{
    [Fact]
    public async Task SearchFindsOnlyTheSharedDatabase()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Emulator.CreateDatabase(host.Demo.Workspace.Id, "Secret", [new("Name", "title")]);

        var classic = await host.ApiAsync(HttpMethod.Post, "search",
            new JsonObject { ["filter"] = new JsonObject { ["property"] = "object", ["value"] = "database" } }, NotionVersion.Classic);
        var ids = classic.Obj["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.Equal([host.Demo.Calendar.Id], ids);
        Assert.Equal("page_or_database", classic.Obj["type"]!.GetValue<string>());

        var current = await host.ApiAsync(HttpMethod.Post, "search",
            new JsonObject { ["filter"] = new JsonObject { ["property"] = "object", ["value"] = "data_source" } });
        var only = Assert.Single(current.Obj["results"]!.AsArray());
        Assert.Equal("data_source", only!["object"]!.GetValue<string>());
        Assert.Equal(host.Demo.Calendar.DataSourceId, only["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task RetrieveDatabaseIsShapedByVersion()
    {
        await using var host = await NotionTestHost.StartAsync();
        var compactId = host.Demo.Calendar.Id.Replace("-", "");
        var classic = await host.ApiAsync(HttpMethod.Get, "databases/" + compactId, version: NotionVersion.Classic);
        Assert.Equal(200, classic.Status);
        Assert.Equal("date", classic.Obj["properties"]!["Date"]!["type"]!.GetValue<string>());
        Assert.False(classic.Obj.ContainsKey("data_sources"));

        var current = await host.ApiAsync(HttpMethod.Get, "databases/" + host.Demo.Calendar.Id);
        Assert.False(current.Obj.ContainsKey("properties"));
        Assert.Equal(host.Demo.Calendar.DataSourceId, current.Obj["data_sources"]![0]!["id"]!.GetValue<string>());

        var ds = await host.ApiAsync(HttpMethod.Get, "data_sources/" + host.Demo.Calendar.DataSourceId);
        Assert.Equal("data_source", ds.Obj["object"]!.GetValue<string>());
        Assert.Equal("title", ds.Obj["properties"]!["Title"]!["id"]!.GetValue<string>());
        Assert.Equal("rich_text", ds.Obj["properties"]!["Location"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnsharedDatabaseIs404ObjectNotFound()
    {
        await using var host = await NotionTestHost.StartAsync();
        var secret = host.Emulator.CreateCalendarDatabase(host.Demo.Workspace.Id, "Hidden");
        var r = await host.ApiAsync(HttpMethod.Get, "databases/" + secret.Id);
        Assert.Equal(404, r.Status);
        Assert.Equal("object_not_found", r.Obj["code"]!.GetValue<string>());
        var q = await host.ApiAsync(HttpMethod.Post, $"data_sources/{secret.DataSourceId}/query", new JsonObject());
        Assert.Equal(404, q.Status);
    }

    [Fact]
    public async Task SecondDataSourceBreaksClassicDatabaseQuery()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Emulator.AddDataSource(host.Demo.Calendar.Id, "Archive", [new("Name", "title")]);
        var r = await host.ApiAsync(HttpMethod.Post, $"databases/{host.Demo.Calendar.Id}/query", new JsonObject(), NotionVersion.Classic);
        Assert.Equal(400, r.Status);
        var ok = await host.ApiAsync(HttpMethod.Post, $"data_sources/{host.Demo.Calendar.DataSourceId}/query", new JsonObject());
        Assert.Equal(200, ok.Status);
    }
}
