namespace SyncDashboard.Tests.Emulators.Notion;

public sealed class NotionDemoPageTests
{
    [Fact]
    public async Task DemoPageCreatesEditsAndTrashesPagesAsTheNotionUser()
    {
        await using var host = await NotionTestHost.StartAsync();
        var html = await host.Http.GetStringAsync("");
        Assert.Contains("Calendar", html);

        var create = await host.Http.PostAsync("_emulator/ui/pages", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["database_id"] = host.Demo.Calendar.Id, ["p:Title"] = "Picnic", ["p:Date:start"] = "2025-06-01", ["p:Location"] = "Park",
        }));
        Assert.Equal(302, (int)create.StatusCode);
        var page = Assert.Single(host.Emulator.ListPages(host.Demo.Calendar.Id));
        Assert.Equal("Picnic", page.Text("Title"));
        Assert.Equal("2025-06-01", page.DateStart("Date"));
        Assert.Contains("Picnic", await host.Http.GetStringAsync(""));

        await host.Http.PostAsync($"_emulator/ui/pages/{page.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["p:Title"] = "Picnic", ["p:Date:start"] = "2025-06-02", ["p:Location"] = "Beach",
        }));
        Assert.Equal("Beach", host.Emulator.GetPageSnapshot(page.Id).Text("Location"));

        await host.Http.PostAsync($"_emulator/ui/pages/{page.Id}/trash", new FormUrlEncodedContent([]));
        Assert.True(host.Emulator.GetPageSnapshot(page.Id).InTrash);
        await host.Http.PostAsync($"_emulator/ui/pages/{page.Id}/restore", new FormUrlEncodedContent([]));
        Assert.False(host.Emulator.GetPageSnapshot(page.Id).InTrash);

        var bad = await host.Http.PostAsync($"_emulator/ui/pages/{page.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["p:Date:start"] = "not a date",
        }));
        Assert.Equal(400, (int)bad.StatusCode);
    }
}
