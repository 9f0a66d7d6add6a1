using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Emulators.Notion;

public sealed class NotionRateLimitAndFaultTests
{
    [Fact]
    public async Task BurstOverBudgetGets429WithIntegerRetryAfter()
    {
        await using var host = await NotionTestHost.StartAsync(new() { ["RequestsPerSecond"] = "1", ["Burst"] = "3" });
        var statuses = new List<ApiResponse>();
        for (var i = 0; i < 5; i++) statuses.Add(await host.ApiAsync(HttpMethod.Get, "databases/" + host.Demo.Calendar.Id));
        Assert.Equal([200, 200, 200], statuses.Take(3).Select(s => s.Status));
        var limited = statuses[3];
        Assert.Equal(429, limited.Status);
        Assert.Equal("rate_limited", limited.Obj["code"]!.GetValue<string>());
        Assert.True(int.Parse(limited.Raw.Headers.GetValues("Retry-After").Single()) >= 1);
        var stats = host.Emulator.GetStats();
        Assert.Equal(2, stats.RateLimited429s);
        Assert.Equal(1, stats.RateLimitViolations); // the 5th came while it should still have waited
    }

    [Fact]
    public async Task ClientHonouringRetryAfterHasNoViolations()
    {
        // A fast budget so Retry-After (1 s, an integer) is the only wait.
        await using var host = await NotionTestHost.StartAsync(new() { ["RequestsPerSecond"] = "20", ["Burst"] = "2" });
        var ok = 0;
        while (ok < 6)
        {
            var r = await host.ApiAsync(HttpMethod.Get, "databases/" + host.Demo.Calendar.Id);
            if (r.Status == 429)
                await Task.Delay(TimeSpan.FromSeconds(int.Parse(r.Raw.Headers.GetValues("Retry-After").Single())) + TimeSpan.FromMilliseconds(20));
            else ok++;
        }
        var stats = host.Emulator.GetStats();
        Assert.True(stats.RateLimited429s >= 1);
        Assert.Equal(0, stats.RateLimitViolations);
    }

    [Fact]
    public async Task InjectedFaultsOverHttpAreServedThenClear()
    {
        await using var host = await NotionTestHost.StartAsync();
        var inject = await host.Http.PostAsJsonAsync("_emulator/faults",
            new { kind = "error503", count = 2, pathContains = "/databases/", method = "GET" });
        Assert.True(inject.IsSuccessStatusCode);

        Assert.Equal(503, (await host.ApiAsync(HttpMethod.Get, "databases/" + host.Demo.Calendar.Id)).Status);
        Assert.Equal(200, (await host.ApiAsync(HttpMethod.Post, "search", new JsonObject())).Status); // other path untouched
        var second = await host.ApiAsync(HttpMethod.Get, "databases/" + host.Demo.Calendar.Id);
        Assert.Equal("service_unavailable", second.Obj["code"]!.GetValue<string>());
        Assert.Equal(200, (await host.ApiAsync(HttpMethod.Get, "databases/" + host.Demo.Calendar.Id)).Status);

        await host.Http.PostAsJsonAsync("_emulator/faults", new { kind = "overload529", count = 0, retryAfterSeconds = 2 });
        var overload = await host.ApiAsync(HttpMethod.Post, "search", new JsonObject());
        Assert.Equal(529, overload.Status);
        Assert.Equal("service_overload", overload.Obj["code"]!.GetValue<string>());
        Assert.Equal("2", overload.Raw.Headers.GetValues("Retry-After").Single());
        await host.Http.DeleteAsync("_emulator/faults");
        Assert.Equal(200, (await host.ApiAsync(HttpMethod.Post, "search", new JsonObject())).Status);

        var stats = await host.Http.GetFromJsonAsync<JsonObject>("_emulator/stats");
        Assert.True(stats!["faultsInjected"]!.GetValue<long>() >= 3);
        Assert.True(stats["requestsByEndpoint"]!["GET /v1/databases/{id}"]!.GetValue<long>() >= 3);
    }

    [Fact]
    public async Task CommitThen500LandsTheWriteAndConflictIs409()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Emulator.InjectFault(new NotionFault(NotionFaultKind.CommitThen500, PathContains: "/v1/pages", Method: "POST"));
        var r = await host.CreatePageAsync(Props.Calendar("Landed"));
        Assert.Equal(500, r.Status);
        Assert.Equal("internal_server_error", r.Obj["code"]!.GetValue<string>());
        Assert.Single(host.Emulator.ListPages(host.Demo.Calendar.Id), p => p.Text("Title") == "Landed");

        host.Emulator.InjectFault(new NotionFault(NotionFaultKind.Conflict409, Method: "PATCH"));
        var id = host.Emulator.ListPages(host.Demo.Calendar.Id)[0].Id;
        var conflict = await host.ApiAsync(HttpMethod.Patch, "pages/" + id, new JsonObject { ["properties"] = Props.Calendar("X") });
        Assert.Equal(409, conflict.Status);
        Assert.Equal("conflict_error", conflict.Obj["code"]!.GetValue<string>());
        Assert.Equal("Landed", host.Emulator.GetPageSnapshot(id).Text("Title"));
    }

    [Fact]
    public async Task CommitThenDelayLandsTheWriteBeforeTheAnswer()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Emulator.InjectFault(new NotionFault(NotionFaultKind.CommitThenDelay, PathContains: "/v1/pages", Method: "POST", DelayMs: 3000));

        var create = host.CreatePageAsync(Props.Calendar("Early"));

        await Eventually.TrueAsync(() => host.Emulator.ListPages(host.Demo.Calendar.Id).Any(p => p.Text("Title") == "Early"), "the page landed");
        Assert.False(create.IsCompleted, "the answer waits for the delay");
        Assert.Equal(200, (await create).Status);
    }

    [Fact]
    public async Task InjectedRateLimitCountsViolationsForImpatientClients()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Emulator.InjectFault(new NotionFault(NotionFaultKind.RateLimited429, RetryAfterSeconds: 5));
        Assert.Equal(429, (await host.ApiAsync(HttpMethod.Post, "search", new JsonObject())).Status);
        Assert.Equal(200, (await host.ApiAsync(HttpMethod.Post, "search", new JsonObject())).Status);
        Assert.Equal(1, host.Emulator.GetStats().RateLimitViolations);
    }
}
