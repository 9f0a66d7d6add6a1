using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Sync;
using SyncDashboard.Emulators.Notion;

namespace SyncDashboard.Tests.Notion;

/// <summary>Rate limits, Retry-After, retries by method, and error mapping.</summary>
public sealed class NotionResilienceTests(NotionEmulatorFixture fx) : IClassFixture<NotionEmulatorFixture>
{
    private static EventFields Timed(string title) => new(title, null, null, null,
        new DateTime(2025, 8, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2025, 8, 1, 10, 0, 0, DateTimeKind.Utc), false, null, null);

    [Fact]
    public async Task RateLimited429WaitsOutRetryAfterWithoutViolations()
    {
        var integration = await fx.NewIntegrationAsync(fx.NewDatabase().Id, NotionPropertyMapping.Seed);
        fx.Emulator.ResetStats();
        fx.Emulator.InjectFault(new NotionFault(NotionFaultKind.RateLimited429, Count: 1, PathContains: "/query", RetryAfterSeconds: 1));
        var watch = Stopwatch.StartNew();

        var changes = await fx.Provider.FetchChangesAsync(integration, null, default);
        await fx.Provider.FetchChangesAsync(integration, changes.NextCursor, default);

        var stats = fx.Emulator.GetStats();
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), $"retried after {watch.Elapsed}");
        Assert.Equal((1L, 0L), (stats.RateLimited429s, stats.RateLimitViolations));
    }

    [Fact]
    public async Task ClientStaysUnderNotionsBudgetOfThreePerSecond()
    {
        await using var services = fx.BuildServices(new() { ["Notion:RequestsPerSecond"] = "3" });
        var client = services.GetRequiredService<NotionClient>();
        var integration = await fx.NewIntegrationAsync(fx.NewDatabase().Id, NotionPropertyMapping.Seed);
        fx.Emulator.SetRateLimit(3, 6);
        try
        {
            fx.Emulator.ResetStats();
            var call = new NotionCallContext(integration.CredentialId!.Value);
            await Task.WhenAll(Enumerable.Range(0, 9).Select(_ => client.RetrieveDatabaseAsync(call, integration.ExternalId, default)));

            var stats = fx.Emulator.GetStats();
            Assert.Equal((9L, 0L, 0L), (stats.TotalRequests, stats.RateLimited429s, stats.RateLimitViolations));
        }
        finally { fx.Emulator.SetRateLimit(0, 1); }
    }

    [Fact]
    public async Task RetryAfterOverTwoSecondsGoesBackToTheCallerAndTheNextRequestOfTheBucketWaitsItOut()
    {
        var integration = await fx.NewIntegrationAsync(fx.NewDatabase().Id, NotionPropertyMapping.Seed);
        var call = new NotionCallContext(integration.CredentialId!.Value);
        fx.Emulator.ResetStats();
        fx.Emulator.InjectFault(new NotionFault(NotionFaultKind.RateLimited429, Count: 1, PathContains: "/v1/databases/", Method: "GET", RetryAfterSeconds: 3));
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<TransientProviderException>(() => fx.Client.RetrieveDatabaseAsync(call, integration.ExternalId, default));
        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
        Assert.Equal(1L, fx.Emulator.GetStats().RequestsByEndpoint["GET /v1/databases/{id}"]); // not retried inline

        Assert.NotNull(await fx.Client.RetrieveDatabaseAsync(call, integration.ExternalId, default));
        var stats = fx.Emulator.GetStats();
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(3), $"the bucket's next request went out after {watch.Elapsed}");
        Assert.Equal((2L, 0L), (stats.RequestsByEndpoint["GET /v1/databases/{id}"], stats.RateLimitViolations));
    }

    [Fact]
    public async Task OverloadOnACreateIsRetriedInlineUnlikeAServerError()
    {
        var db = fx.NewDatabase();
        var integration = await fx.NewIntegrationAsync(db.Id, NotionPropertyMapping.Seed);
        fx.Emulator.ResetStats();
        fx.Emulator.InjectFault(new NotionFault(NotionFaultKind.Overload529, Count: 1, PathContains: "/v1/pages", Method: "POST", RetryAfterSeconds: 1));

        await fx.Provider.CreateAsync(integration, Guid.NewGuid(), Timed("Busy Notion"), default);

        var stats = fx.Emulator.GetStats();
        Assert.Equal((2L, 0L), (stats.RequestsByEndpoint["POST /v1/pages"], stats.RateLimitViolations));
        Assert.Single(fx.Emulator.ListPages(db.Id));
    }

    [Fact]
    public async Task AnAttemptThatTimesOutIsRetriedForAReadAndHandedBackAsTransientForAWrite()
    {
        await using var services = fx.BuildServices(new() { ["Notion:RequestsPerSecond"] = "50", ["Notion:RequestTimeout"] = "00:00:01" });
        var provider = services.GetRequiredService<NotionCalendarProvider>();
        var integration = await fx.NewIntegrationAsync(fx.NewDatabase().Id, NotionPropertyMapping.Seed);
        var created = await provider.CreateAsync(integration, Guid.NewGuid(), Timed("Slow"), default);
        fx.Emulator.ResetStats();
        fx.Emulator.InjectFault(new NotionFault(NotionFaultKind.Delay, Count: 1, PathContains: "/v1/pages/", Method: "GET", DelayMs: 3000));
        fx.Emulator.InjectFault(new NotionFault(NotionFaultKind.Delay, Count: 1, PathContains: "/v1/pages/", Method: "PATCH", DelayMs: 3000));

        Assert.NotNull(await provider.GetAsync(integration, created.ExternalId, default));
        var ex = await Assert.ThrowsAsync<TransientProviderException>(() =>
            provider.UpdateAsync(integration, Guid.NewGuid(), created.ExternalId, null, Timed("Slow 2"), default));

        Assert.IsType<TimeoutRejectedException>(ex.InnerException);
        var byEndpoint = fx.Emulator.GetStats().RequestsByEndpoint;
        Assert.Equal((2L, 1L), (byEndpoint["GET /v1/pages/{id}"], byEndpoint["PATCH /v1/pages/{id}"]));
    }

    [Fact]
    public async Task ServerErrorsAreRetriedInlineForReadsButNotForWrites()
    {
        var integration = await fx.NewIntegrationAsync(fx.NewDatabase().Id, NotionPropertyMapping.Seed);
        var created = await fx.Provider.CreateAsync(integration, Guid.NewGuid(), Timed("Flaky"), default);
        fx.Emulator.ResetStats();
        fx.Emulator.InjectFault(new NotionFault(NotionFaultKind.Error503, Count: 1, PathContains: "/v1/pages/", Method: "GET"));
        fx.Emulator.InjectFault(new NotionFault(NotionFaultKind.Error500, Count: 1, PathContains: "/v1/pages/", Method: "PATCH"));

        Assert.NotNull(await fx.Provider.GetAsync(integration, created.ExternalId, default));
        await Assert.ThrowsAsync<TransientProviderException>(() =>
            fx.Provider.UpdateAsync(integration, Guid.NewGuid(), created.ExternalId, null, Timed("Flaky 2"), default));

        var byEndpoint = fx.Emulator.GetStats().RequestsByEndpoint;
        Assert.Equal((2L, 1L), (byEndpoint["GET /v1/pages/{id}"], byEndpoint["PATCH /v1/pages/{id}"]));
    }

    [Fact]
    public async Task ConflictIsTransientAndUnauthorizedRequiresReconnect()
    {
        var db = fx.NewDatabase();
        var integration = await fx.NewIntegrationAsync(db.Id, NotionPropertyMapping.Seed);
        var created = await fx.Provider.CreateAsync(integration, Guid.NewGuid(), Timed("Busy"), default);
        fx.Emulator.InjectFault(new NotionFault(NotionFaultKind.Conflict409, Count: 1, Method: "PATCH"));
        await Assert.ThrowsAsync<TransientProviderException>(() =>
            fx.Provider.UpdateAsync(integration, Guid.NewGuid(), created.ExternalId, null, Timed("Busy 2"), default));

        var revoked = await fx.NewIntegrationAsync(db.Id, NotionPropertyMapping.Seed, token: "ntn_revoked");
        await Assert.ThrowsAsync<ReconnectRequiredException>(() => fx.Provider.FetchChangesAsync(revoked, null, default));
    }

    [Fact]
    public async Task ValidationErrorIsPermanentWithNotionsMessage()
    {
        var db = fx.NewDatabase();
        var integration = await fx.NewIntegrationAsync(db.Id, NotionPropertyMapping.Seed with { Location = "Status" });
        var ex = await Assert.ThrowsAsync<PermanentProviderException>(() =>
            fx.Provider.CreateAsync(integration, Guid.NewGuid(), Timed("Bad mapping") with { Location = "x" }, default));
        Assert.Contains("Status is expected to be select", ex.Message);
    }
}
