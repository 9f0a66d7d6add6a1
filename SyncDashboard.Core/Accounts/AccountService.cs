using SyncDashboard.Core.Common;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Accounts;

public sealed record AccountInfo(Guid Id, string Email, string DisplayName, string TimeZone, bool IsDemo);

public sealed class AccountService(IDbContextFactory<AppDbContext> dbFactory, ILogger<AccountService> logger)
{
    public const int MinPasswordLength = 8;

    public async Task<AccountInfo> RegisterAsync(string? email, string? password, string? displayName, string? timeZone, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        email = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email) || email.Length > 254 || !MailAddress.TryCreate(email, out _))
            errors["email"] = ["Enter a valid e-mail address."];
        if (password is null || password.Length < MinPasswordLength)
            errors["password"] = [$"The password needs at least {MinPasswordLength} characters."];
        if (timeZone is { Length: > 0 } && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            errors["timeZone"] = [$"'{timeZone}' is not a known time zone."];
        if (errors.Count > 0) throw new InputValidationException(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
            throw new InputValidationException(new Dictionary<string, string[]> { ["email"] = ["An account with this e-mail already exists."] });
        var user = new User
        {
            Email = email!,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email!.Split('@')[0] : displayName.Trim()[..Math.Min(displayName.Trim().Length, 100)],
            PasswordHash = PasswordHasher.Hash(password!),
            TimeZone = string.IsNullOrEmpty(timeZone) ? "UTC" : timeZone,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Registered user {UserId}", user.Id);
        return ToInfo(user);
    }

    /// <summary>Null when the e-mail or password is wrong; which of the two is not revealed.</summary>
    public async Task<AccountInfo?> ValidateAsync(string? email, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password)) return null;
        var normalized = email.Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == normalized, ct);
        return user?.PasswordHash is { } hash && PasswordHasher.Verify(password, hash) ? ToInfo(user) : null;
    }

    public async Task<AccountInfo?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? null : ToInfo(user);
    }

    public async Task<AccountInfo?> FindDemoAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.IsDemo, ct);
        return user is null ? null : ToInfo(user);
    }

    public async Task UpdateTimeZoneAsync(Guid id, string timeZone, CancellationToken ct = default)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            throw new InputValidationException(new Dictionary<string, string[]> { ["timeZone"] = [$"'{timeZone}' is not a known time zone."] });
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZone, timeZone), ct);
    }

    private static AccountInfo ToInfo(User u) => new(u.Id, u.Email, u.DisplayName, u.TimeZone, u.IsDemo);
}
