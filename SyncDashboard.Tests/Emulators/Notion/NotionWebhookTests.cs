using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SyncDashboard.Emulators.Notion;

namespace SyncDashboard.Tests.Emulators.Notion;

public sealed class NotionWebhookTests
{
    private static bool SignatureValid(ReceivedWebhook w, string key) =>
        w.Signature is { } sig && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(sig),
            Encoding.ASCII.GetBytes("sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(w.Body))).ToLowerInvariant()));

    /// <summary>Subscribes over HTTP, reads the token the receiver got, and verifies (the human step).</summary>
    private static async Task<(string SubscriptionId, string Token)> SubscribeAndVerify(NotionTestHost host)
    {
        var created = await host.Http.PostAsJsonAsync("_emulator/webhooks", new { url = host.ReceiverUrl });
        var sub = await created.Content.ReadFromJsonAsync<JsonObject>();
        var handshake = Assert.Single(host.Received);
        Assert.Null(handshake.Signature);
        var token = handshake.Json["verification_token"]!.GetValue<string>();
        Assert.StartsWith("secret_", token);
        host.Received.Clear();

        var wrong = await host.Http.PostAsJsonAsync($"_emulator/webhooks/{sub!["id"]}/verify", new { verification_token = "secret_wrong" });
        Assert.Equal(400, (int)wrong.StatusCode);
        var ok = await host.Http.PostAsJsonAsync($"_emulator/webhooks/{sub["id"]}/verify", new { verification_token = token });
        Assert.True(ok.IsSuccessStatusCode);
        return (sub["id"]!.GetValue<string>(), token);
    }

    private static string EntityId(ReceivedWebhook w) => w.Json["entity"]!["id"]!.GetValue<string>();

    [Fact]
    public async Task VerificationHandshakeThenSignedPageEvents()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Emulator.CreatePageAsUser(host.Demo.Calendar.Id, new Dictionary<string, JsonNode?> { ["Title"] = NotionValues.Title("Before verify") });
        var (subId, token) = await SubscribeAndVerify(host);
        Assert.Empty(host.Received); // nothing before verification, and nothing replayed

        var created = await host.CreatePageAsync(Props.Calendar("Hello"));
        var pageId = created.Obj["id"]!.GetValue<string>();
        var list = await host.WaitForWebhooksAsync(l => l.Count >= 1);
        var evt = list[0];
        Assert.True(SignatureValid(evt, token));
        var json = evt.Json;
        Assert.Equal("page.created", json["type"]!.GetValue<string>());
        Assert.Equal(subId, json["subscription_id"]!.GetValue<string>());
        Assert.Equal(host.Demo.Workspace.Id, json["workspace_id"]!.GetValue<string>());
        Assert.Equal(1, json["attempt_number"]!.GetValue<int>());
        Assert.Equal("2025-09-03", json["api_version"]!.GetValue<string>());
        Assert.Equal(pageId, json["entity"]!["id"]!.GetValue<string>());
        Assert.Equal("page", json["entity"]!["type"]!.GetValue<string>());
        Assert.Equal(host.Demo.Calendar.Id, json["data"]!["parent"]!["id"]!.GetValue<string>());
        Assert.Equal(host.Demo.Calendar.DataSourceId, json["data"]!["parent"]!["data_source_id"]!.GetValue<string>());
        Assert.Equal("bot", json["authors"]![0]!["type"]!.GetValue<string>());
        Assert.NotNull(json["id"]);
        Assert.NotNull(json["timestamp"]);
        Assert.NotNull(json["integration_id"]);
    }

    [Fact]
    public async Task RapidPropertyUpdatesAreAggregatedAndTrashRestoreAreDelivered()
    {
        await using var host = await NotionTestHost.StartAsync();
        var id = host.Emulator.CreatePageAsUser(host.Demo.Calendar.Id, new Dictionary<string, JsonNode?> { ["Title"] = NotionValues.Title("T") });
        var other = host.Emulator.CreatePageAsUser(host.Demo.Calendar.Id, new Dictionary<string, JsonNode?> { ["Title"] = NotionValues.Title("Sentinel") });
        var (_, token) = await SubscribeAndVerify(host);

        host.Emulator.UpdatePageAsUser(id, new Dictionary<string, JsonNode?> { ["Location"] = NotionValues.RichText("Here") });
        await host.ApiAsync(HttpMethod.Patch, "pages/" + id, new JsonObject { ["properties"] = new JsonObject { ["Notes"] = NotionValues.RichText("n") } });
        await host.WaitForWebhooksAsync(l => l.Count >= 1);

        // Sentinel: an update of another page, made once the merged delivery has arrived. Its window opens a whole window after
        // the first update's, so a separate delivery of either earlier update, whose window opened with it, would be due first.
        host.Emulator.UpdatePageAsUser(other, new Dictionary<string, JsonNode?> { ["Location"] = NotionValues.RichText("There") });
        var list = await host.WaitForWebhooksAsync(l => l.Any(w => EntityId(w) == other));
        Assert.Equal([id, other], list.Select(EntityId));
        var update = list[0];
        Assert.True(SignatureValid(update, token));
        Assert.Equal("page.properties_updated", update.Json["type"]!.GetValue<string>());
        Assert.Equal(2, update.Json["data"]!["updated_properties"]!.AsArray().Count);
        Assert.Equal(2, update.Json["authors"]!.AsArray().Count); // the person and the bot

        host.Received.Clear();
        host.Emulator.TrashPageAsUser(id);
        await host.WaitForWebhooksAsync(l => l.Any(w => w.Json["type"]!.GetValue<string>() == "page.deleted"));
        host.Emulator.RestorePageAsUser(id);
        await host.WaitForWebhooksAsync(l => l.Any(w => w.Json["type"]!.GetValue<string>() == "page.undeleted"));
    }

    [Fact]
    public async Task FailedDeliveriesAreRetriedWithAttemptNumber()
    {
        await using var host = await NotionTestHost.StartAsync();
        var (_, token) = await SubscribeAndVerify(host);
        var calls = 0;
        host.ReceiverStatus = () => Interlocked.Increment(ref calls) <= 2 ? 500 : 200;
        await host.CreatePageAsync(Props.Calendar("Retry me"));
        var list = await host.WaitForWebhooksAsync(l => l.Count >= 3);
        Assert.Equal([1, 2, 3], list.Select(w => w.Json["attempt_number"]!.GetValue<int>()));
        Assert.Single(list.Select(w => w.Json["id"]!.GetValue<string>()).Distinct()); // same event id on every attempt
        Assert.All(list, w => Assert.True(SignatureValid(w, token)));
        var stats = host.Emulator.GetStats();
        Assert.Equal(3, stats.WebhookDeliveryAttempts);
        Assert.Equal(1, stats.WebhookDeliveriesSucceeded);
    }
}
