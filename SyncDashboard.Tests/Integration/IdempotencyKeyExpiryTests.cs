using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Idempotency;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration;

/// <summary>Idempotency-Keys are remembered for Idempotency:KeyLifetime, then forgotten: deleted by the periodic purge, and new to a request either way.</summary>
public sealed class IdempotencyKeyExpiryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 9, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnExpiredKeyStartsAFreshRequestBeforeThePurgeHasRun()
    {
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["Idempotency:KeyLifetime"] = "00:00:01",
            ["Idempotency:PurgeInterval"] = "01:00:00",
        });
        var user = await app.CreateUserAsync();
        var first = await PostAsync(user, "daily-report");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        // Replays until the key has expired; each replay creates nothing.
        HttpResponseMessage? fresh = null;
        await Eventually.TrueAsync(async () => !(fresh = await PostAsync(user, "daily-report")).Headers.Contains(IdempotencyKeys.ReplayedHeader),
            "the key expired", TimeSpan.FromSeconds(15));
        Assert.Equal(HttpStatusCode.Created, fresh!.StatusCode);
        Assert.NotEqual((await first.ReadJsonAsync()).GetProperty("id").GetGuid(), (await fresh.ReadJsonAsync()).GetProperty("id").GetGuid());
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(2, await db.Events.CountAsync(e => e.UserId == user.Id));
    }

    [Fact]
    public async Task ThePeriodicPurgeDeletesExpiredKeysOnly()
    {
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["Idempotency:KeyLifetime"] = "00:00:01",
            ["Idempotency:PurgeInterval"] = "00:00:00.200",
        });
        var user = await app.CreateUserAsync();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(user, "short-lived")).StatusCode);
        var factory = app.Get<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            // A key that is not due yet, next to the one that will expire.
            var kept = await db.IdempotencyKeys.SingleAsync(r => r.UserId == user.Id);
            db.IdempotencyKeys.Add(new() { UserId = user.Id, Key = "long-lived", Fingerprint = kept.Fingerprint, ExpiresAt = DateTime.UtcNow.AddHours(1), StatusCode = 201, Body = "{}" });
            await db.SaveChangesAsync();
        }

        await Eventually.TrueAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return !await db.IdempotencyKeys.AnyAsync(r => r.UserId == user.Id && r.Key == "short-lived");
        }, "the expired key was deleted", TimeSpan.FromSeconds(15));
        await using var check = await factory.CreateDbContextAsync();
        Assert.True(await check.IdempotencyKeys.AnyAsync(r => r.UserId == user.Id && r.Key == "long-lived"));
    }

    private static Task<HttpResponseMessage> PostAsync(TestUser user, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = JsonContent.Create(new { title = "Report", start = Start, end = Start.AddHours(1) }, options: Json.Web),
        };
        request.Headers.Add(IdempotencyKeys.Header, key);
        return user.Api.SendAsync(request);
    }
}
