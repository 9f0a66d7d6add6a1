using System.Net;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Security;

[Collection(AppCollection.Name)]
public sealed class OpenApiDocumentTests(AppFixture fixture)
{
    [Fact]
    public async Task TheOpenApiDocumentListsTheProductApiAndNoEmulatorOrPageRoute()
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/events", paths);
        Assert.Contains("/api/calendar/sync", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/emulator", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(paths, p => p.Contains("_emulator", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(paths, p => p is "/" or "/settings" || p.StartsWith("/_blazor", StringComparison.Ordinal));
    }

    /// <summary>The setup guide's endpoints are documented with their methods, a summary each, and their answers' shapes.</summary>
    [Fact]
    public async Task TheOpenApiDocumentDescribesTheSetupGuidesEndpointsAndNamesEnumsAsStrings()
    {
        using var client = fixture.App.CreateClient();
        var doc = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = doc.GetProperty("paths");

        foreach (var (path, method) in new[]
        {
            ("/api/calendar/integrations", "get"), ("/api/calendar/integrations/{id}/sync", "post"), ("/api/calendar/sync/queue", "get"),
            ("/api/calendar/sync/queue", "post"), ("/api/calendar/sync/queue", "delete"), ("/api/calendar/sync/notion/pull", "post"),
            ("/api/calendar/sync/notion/pull", "get"), ("/api/events", "post"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is documented");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is documented");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has a summary");
        }

        var schemas = doc.GetProperty("components").GetProperty("schemas");
        string[] Properties(string schema) => schemas.GetProperty(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Superset(new HashSet<string> { "id", "provider", "isActive", "lastSyncAt", "lastSyncError", "webhookId", "webhookExpiry" },
            Properties("GuideIntegration").ToHashSet());
        Assert.Superset(new HashSet<string> { "PENDING", "IN_FLIGHT", "COMPLETED", "FAILED", "DEAD_LETTERED", "HELD" }, Properties("GuideQueueCounts").ToHashSet());
        Assert.Superset(new HashSet<string> { "success", "stats", "oldestPendingAge" }, Properties("GuideQueueStats").ToHashSet());
        Assert.Superset(new HashSet<string> { "success", "event", "externalSync", "id", "title" }, Properties("EventCreatedAnswer").ToHashSet());
        Assert.Superset(new HashSet<string> { "provider", "success", "externalId", "queued", "error" }, Properties("ExternalSyncStatus").ToHashSet());
        var provider = schemas.GetProperty("Provider");
        Assert.Equal(["GOOGLE", "NOTION"], provider.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }
}
