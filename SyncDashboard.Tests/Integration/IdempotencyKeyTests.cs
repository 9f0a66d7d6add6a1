using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Idempotency;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration;

/// <summary>
/// <c>Idempotency-Key</c> on POST /api/events: a retry of a request whose answer was lost gets that answer again and
/// creates nothing; the key is the user's own; misuse is refused and creates nothing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IdempotencyKeyTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);

    private static object Body(string title = "Board meeting") => new { title, start = Start, end = Start.AddHours(1), location = "Room 4" };

    private static Task<HttpResponseMessage> PostAsync(TestUser user, string? key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = JsonContent.Create(body, options: Json.Web) };
        if (key is not null) request.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, key);
        return user.Api.SendAsync(request);
    }

    [Fact]
    public async Task ARetryGetsTheFirstAnswerAgainAndCreatesNothingNew()
    {
        var user = await UserWithAnIntegrationAsync();
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(user, key, Body());
        var retry = await PostAsync(user, key, Body());

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retry.StatusCode));
        Assert.False(first.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.Equal("true", retry.Headers.GetValues(IdempotencyKeys.ReplayedHeader).Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);
        Assert.Equal((1, 1), await CountsAsync(user));
    }

    [Fact]
    public async Task TheSameKeyWithADifferentBodyIs422AndCreatesNothing()
    {
        var user = await UserWithAnIntegrationAsync();
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(user, key, Body())).StatusCode);

        var other = await PostAsync(user, key, Body("Another meeting"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
        Assert.Contains("already used for a different request", (await other.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Equal((1, 1), await CountsAsync(user));
    }

    [Fact]
    public async Task KeysBelongToTheirUser()
    {
        var alice = await _app.CreateUserAsync("alice");
        var bob = await _app.CreateUserAsync("bob");
        const string key = "shared-looking-key";
        var hers = await (await PostAsync(alice, key, Body())).ReadJsonAsync();
        var his = await PostAsync(bob, key, Body());

        Assert.Equal(HttpStatusCode.Created, his.StatusCode);
        Assert.False(his.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.NotEqual(hers.GetProperty("id").GetGuid(), (await his.ReadJsonAsync()).GetProperty("id").GetGuid());
        var hersAgain = await PostAsync(alice, key, Body());
        Assert.Equal(hers.GetProperty("id").GetGuid(), (await hersAgain.ReadJsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(1, (await CountsAsync(alice)).Events);
        Assert.Equal(1, (await CountsAsync(bob)).Events);
    }

    [Fact]
    public async Task ConcurrentRequestsWithOneKeyCreateExactlyOneEvent()
    {
        var user = await UserWithAnIntegrationAsync();
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(user, key, Body())));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var ids = new HashSet<Guid>();
        foreach (var a in answers.Where(a => a.StatusCode == HttpStatusCode.Created)) ids.Add((await a.ReadJsonAsync()).GetProperty("id").GetGuid());
        Assert.Single(ids);
        Assert.Equal((1, 1), await CountsAsync(user));
    }

    [Fact]
    public async Task WhileTheFirstRequestRunsTheKeyIs409()
    {
        var user = await _app.CreateUserAsync();
        var keys = _app.Get<IdempotencyService>();
        // The first request, held open: its claim is taken and its answer not yet known.
        var running = await keys.BeginAsync(user.Id, "busy-key", "first request", (_, _) => throw new InvalidOperationException(), default);
        var claim = Assert.IsType<IdempotencyDecision.Proceed>(running).Claim;

        var second = await PostAsync(user, "busy-key", Body());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal(0, (await CountsAsync(user)).Events);

        // The first request failed on the server side: its key is free for the retry.
        await keys.ReleaseAsync(claim, default);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(user, "busy-key", Body())).StatusCode);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(0)]
    public async Task AKeyThatIsEmptyOrLongerThan255CharactersIs400AndCreatesNothing(int length)
    {
        var user = await _app.CreateUserAsync();
        var refused = await PostAsync(user, new string('k', length), Body());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("1 to 255 characters", (await refused.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Equal(0, (await CountsAsync(user)).Events);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(user, new string('k', 255), Body())).StatusCode);
    }

    [Fact]
    public async Task AClientErrorIsKeptAndGivenAgainButAServerErrorIsNot()
    {
        var user = await _app.CreateUserAsync();
        var backwards = new { title = "Backwards", start = Start, end = Start.AddHours(-1) };
        var first = await PostAsync(user, "bad-input", backwards);
        var again = await PostAsync(user, "bad-input", backwards);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (first.StatusCode, again.StatusCode));
        Assert.Equal("true", again.Headers.GetValues(IdempotencyKeys.ReplayedHeader).Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());

        // The event insert fails inside the create's transaction: a server fault (500), after the key was claimed.
        var title = "doomed " + Guid.NewGuid().ToString("N");
        var (create, drop) = ($"CREATE TRIGGER fail_{user.Id:N} BEFORE INSERT ON Events WHEN NEW.Title = '{title}' BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
            $"DROP TRIGGER fail_{user.Id:N};");
        var factory = _app.Get<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync()) await db.Database.ExecuteSqlRawAsync(create);
        try
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await PostAsync(user, "server-fault", Body(title))).StatusCode);
        }
        finally
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync(drop);
        }
        var retried = await PostAsync(user, "server-fault", Body(title));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains(IdempotencyKeys.ReplayedHeader));
    }

    [Fact]
    public async Task WithoutTheHeaderEveryPostCreates()
    {
        var user = await _app.CreateUserAsync();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(user, null, Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(user, null, Body())).StatusCode);
        Assert.Equal(2, (await CountsAsync(user)).Events);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheHeader()
    {
        using var client = _app.CreateClient();
        var doc = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var post = doc.GetProperty("paths").GetProperty("/api/events").GetProperty("post");
        var header = post.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == IdempotencyKeys.Header);
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.Equal(255, header.GetProperty("schema").GetProperty("maxLength").GetInt32());
        Assert.True(post.GetProperty("responses").TryGetProperty("422", out _));
    }

    /// <summary>
    /// A user with a home integration whose grant waits for reconnecting: every create writes one outbox row, which the
    /// background worker leaves Pending, so the test can count exactly what each request wrote.
    /// </summary>
    private async Task<TestUser> UserWithAnIntegrationAsync()
    {
        var user = await _app.CreateUserAsync();
        await using var db = await _app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var credential = new ProviderCredential { UserId = user.Id, Provider = Provider.Google, AccountName = "waiting " + Guid.NewGuid().ToString("N"), ProtectedTokens = "", NeedsReconnect = true };
        db.Credentials.Add(credential);
        db.Integrations.Add(new SyncDashboard.Core.Domain.Integration
        {
            UserId = user.Id, Provider = Provider.Google, DisplayName = "Work", ExternalId = Guid.NewGuid().ToString(),
            IsHome = true, Direction = SyncDirection.TwoWay, CredentialId = credential.Id,
        });
        await db.SaveChangesAsync();
        return user;
    }

    private async Task<(int Events, int OutboxRows)> CountsAsync(TestUser user)
    {
        await using var db = await _app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.Events.CountAsync(e => e.UserId == user.Id), await db.Outbox.CountAsync(o => o.UserId == user.Id));
    }
}
