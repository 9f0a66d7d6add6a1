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
}
