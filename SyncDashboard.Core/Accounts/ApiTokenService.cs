using SyncDashboard.Core.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Accounts;

public sealed record ApiTokenInfo(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, bool Revoked);

/// <summary>The secret is shown once, in <see cref="Token"/>; only its hash is kept.</summary>
public sealed record CreatedApiToken(ApiTokenInfo Info, string Token);

/// <summary>Who a presented token belongs to, and which token it is (so its live connections can be ended on revocation).</summary>
public sealed record ApiTokenOwner(Guid UserId, Guid TokenId);

public sealed class ApiTokenService(
    IDbContextFactory<AppDbContext> dbFactory, ILiveSessions sessions, TimeProvider clock, ILogger<ApiTokenService> logger)
{
    private const string TokenPrefix = "sdt_";

    public async Task<CreatedApiToken> CreateAsync(Guid userId, string? name, CancellationToken ct = default)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
            throw new InputValidationException(new Dictionary<string, string[]> { ["name"] = ["Give the token a name of 1–100 characters."] });
        var secret = TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var token = new ApiToken { UserId = userId, Name = name, Prefix = secret[..12], Hash = HashOf(secret) };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Created API token {TokenId} ({Prefix}…) for user {UserId}", token.Id, token.Prefix, userId);
        return new CreatedApiToken(ToInfo(token), secret);
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct);
        return tokens.OrderByDescending(t => t.CreatedAt).Select(ToInfo).ToList();
    }

    public async Task RevokeAsync(Guid userId, Guid tokenId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.ApiTokens.Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        if (changed == 0) throw new NotFoundException($"Token {tokenId} was not found or is already revoked.");
        // Requests check the token each time; a hub connection checked it once, when it opened.
        await sessions.EndTokenSessionsAsync(userId, tokenId);
        logger.LogInformation("Revoked API token {TokenId} of user {UserId}", tokenId, userId);
    }

    /// <summary>The owner of a live token, or null. Lookup is by hash, so no secret comparison happens in code.</summary>
    public async Task<ApiTokenOwner?> AuthenticateAsync(string? presented, CancellationToken ct = default)
    {
        if (presented is null || !presented.StartsWith(TokenPrefix, StringComparison.Ordinal) || presented.Length > 100) return null;
        var hash = HashOf(presented);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, ct);
        if (token is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        // Writing on every call would serialize API traffic on one row; a minute's precision is enough for "last used".
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return new ApiTokenOwner(token.UserId, token.Id);
    }

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static ApiTokenInfo ToInfo(ApiToken t) => new(
        t.Id, t.Name, t.Prefix, new DateTimeOffset(t.CreatedAt, TimeSpan.Zero),
        t.LastUsedAt is { } u ? new DateTimeOffset(u, TimeSpan.Zero) : null, t.RevokedAt is not null);
}
