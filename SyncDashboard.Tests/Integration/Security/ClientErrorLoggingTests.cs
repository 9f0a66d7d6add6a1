using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Security;

/// <summary>A client's mistake is not the server's error: 4xx are logged quietly, without a stack trace; 5xx stay errors.</summary>
public sealed class ClientErrorLoggingTests : IAsyncLifetime
{
    private const string ThrowingPath = "/test-only/throws";
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly CapturedLogs _logs = new();
    private AppHost _app = default!;

    public async Task InitializeAsync() => _app = await AppHost.StartAsync(
        new Dictionary<string, string?> { ["Logging:LogLevel:SyncDashboard"] = "Information" },
        builder =>
        {
            builder.Logging.AddProvider(_logs);
            // A request that fails on the server, behind the app's own exception handling (after its endpoints).
            builder.Services.AddSingleton<IStartupFilter>(new ThrowingEndpoint());
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ClientErrorsAreLoggedBelowErrorWithoutTheException()
    {
        var user = await _app.CreateUserAsync("logs");
        var created = await (await user.Api.PostJsonAsync("/api/events", new { title = "Logged", start = Start, end = Start.AddHours(1) })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        await user.Api.PutJsonAsync($"/api/events?id={id}", new { title = "First", start = Start, end = Start.AddHours(1), version = 1 });

        var answers = new List<HttpStatusCode>
        {
            (await user.Api.PostJsonAsync("/api/events", new { title = "", start = Start, end = Start.AddHours(-1) })).StatusCode,
            (await user.Api.PostAsync("/api/events", new StringContent("{not json", Encoding.UTF8, "application/json"))).StatusCode,
            (await user.Api.GetAsync($"/api/events/{Guid.NewGuid()}")).StatusCode,
            (await user.Api.PutJsonAsync($"/api/events?id={id}", new { title = "Stale", start = Start, end = Start.AddHours(1), version = 1 })).StatusCode,
        };
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Conflict], answers);
        // The handler logs before it writes the answer, so its four entries are in by now.
        var handled = _logs.Entries.Where(e => e.Category.EndsWith("ApiExceptionHandler", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, handled.Count);

        // Mistakes answered before or beside the handler must not be errors either.
        using var anonymous = _app.CreateClient();
        var moreAnswers = new List<HttpStatusCode>
        {
            (await user.Api.GetAsync("/api/events?from=not-a-date&to=2026-12-03")).StatusCode,
            (await user.Api.PostAsync("/api/events", new StringContent("title=x", Encoding.UTF8, "text/plain"))).StatusCode,
            (await anonymous.GetAsync("/api/events")).StatusCode,
        };
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.Unauthorized], moreAnswers);

        Assert.All(handled, e => Assert.InRange(e.Level, LogLevel.Information, LogLevel.Warning));
        Assert.All(handled, e => Assert.Null(e.Exception));
        var errors = _logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}").ToList();
        Assert.True(errors.Count == 0, "logged as errors: " + string.Join(" | ", errors));
    }

    [Fact]
    public async Task ServerFailuresAreStillLoggedAsErrorsWithTheException()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(ThrowingPath);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(ThrowingPath, branch => branch.Run(_ => throw new InvalidOperationException("a server-side failure")));
        };
    }
}
