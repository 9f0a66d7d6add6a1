using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SyncDashboard.Emulators.Notion;

namespace SyncDashboard.Tests.Emulators.Notion;

public sealed class NotionStateTests
{
    [Fact]
    public void StateFileSurvivesARestart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"notion-state-{Guid.NewGuid():N}.json");
        try
        {
            var options = Options.Create(new NotionEmulatorOptions { StatePath = path });
            string pageId, token;
            using (var first = new NotionEmulator(options))
            {
                var demo = first.SeedDemo();
                token = demo.InternalIntegration.Token;
                pageId = first.CreatePageAsUser(demo.Calendar.Id, new Dictionary<string, JsonNode?>
                {
                    ["Title"] = NotionValues.Title("Persisted"), ["Date"] = NotionValues.Date("2025-05-01"),
                });
            }
            using var second = new NotionEmulator(options);
            Assert.Equal(token, second.SeedDemo().InternalIntegration.Token); // seeding is idempotent
            var page = second.GetPageSnapshot(pageId);
            Assert.Equal("Persisted", page.Text("Title"));
            Assert.Equal("2025-05-01", page.DateStart("Date"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task UnknownApiPathIsInvalidRequestUrl()
    {
        await using var host = await NotionTestHost.StartAsync();
        var r = await host.ApiAsync(HttpMethod.Get, "nope/123");
        Assert.Equal(400, r.Status);
        Assert.Equal("invalid_request_url", r.Obj["code"]!.GetValue<string>());
    }
}
