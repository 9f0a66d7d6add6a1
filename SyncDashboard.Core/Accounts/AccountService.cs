using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Accounts;

public sealed record AccountInfo(Guid Id, string Email, string DisplayName, string TimeZone, bool IsDemo, string SecurityStamp,
    DisplayChoices Display);

/// <summary>The account, or why there is none: wrong e-mail or password (not told apart), or a locked address.</summary>
public sealed record SignInResult(AccountInfo? Account, TimeSpan? LockedOutFor = null);

public sealed class AccountService(
    IDbContextFactory<AppDbContext> dbFactory, IOptionsMonitor<AccountSecurityOptions> options, ILiveSessions sessions,
    TimeProvider clock, ILogger<AccountService> logger)
{
    // Keyed by the normalised address whether or not an account has it, so a lockout says nothing about existence.
    private readonly FailureLimiter _failures = new(
        () => options.CurrentValue.MaxFailedSignIns, () => options.CurrentValue.LockoutDuration, clock);

    public async Task<AccountInfo> RegisterAsync(string? email, string? password, string? displayName, string? timeZone, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        email = NormalizeEmail(email);
        if (string.IsNullOrEmpty(email) || email.Length > 254 || !MailAddress.TryCreate(email, out _))
            errors["email"] = ["Enter a valid e-mail address."];
        if (PasswordPolicy.Check(password) is { } passwordError)
            errors["password"] = [passwordError];
        // The zone is not echoed: the message travels in a redirect's Location header.
        if (timeZone is { Length: > 0 } && (timeZone.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)))
            errors["timeZone"] = ["The time zone is not known."];
        if (errors.Count > 0) throw new InputValidationException(errors);

        // Hashed before the duplicate check, so a taken address answers no faster than a free one.
        var hash = PasswordHasher.Hash(password!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
            throw new InputValidationException(new Dictionary<string, string[]> { ["email"] = ["An account with this e-mail already exists."] });
        var user = new User
        {
            Email = email!,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email!.Split('@')[0] : displayName.Trim()[..Math.Min(displayName.Trim().Length, 100)],
            PasswordHash = hash,
            TimeZone = string.IsNullOrEmpty(timeZone) ? "UTC" : timeZone,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Registered user {UserId}", user.Id);
        return ToInfo(user);
    }

    /// <summary>
    /// Checks a password. Unknown addresses cost one hash like known ones and fail with the same result; an address
    /// with too many recent failures is locked (known or not) and even the right password waits.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string? email, string? password, CancellationToken ct = default)
    {
        var normalized = NormalizeEmail(email) ?? "";
        if (normalized.Length is 0 or > 254 || string.IsNullOrEmpty(password) || password.Length > PasswordPolicy.MaxLength)
            return new SignInResult(null);
        if (_failures.BlockedFor(normalized) is { } wait)
        {
            logger.LogWarning("Refused a sign-in to a locked address for another {Wait}", wait);
            return new SignInResult(null, wait);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == normalized, ct);
        var valid = user?.PasswordHash is { } hash ? PasswordHasher.Verify(password, hash) : PasswordHasher.VerifyAgainstDummy(password);
        if (valid)
        {
            _failures.Reset(normalized);
            return new SignInResult(ToInfo(user!));
        }
        _failures.RecordFailure(normalized);
        return new SignInResult(null, _failures.BlockedFor(normalized));
    }

    /// <summary>
    /// Signs the user out everywhere: a new security stamp makes every cookie issued so far invalid, and live
    /// connections opened with one are ended.
    /// </summary>
    public async Task SignOutEverywhereAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stamp = Guid.NewGuid().ToString("N");
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), ct);
        await sessions.EndCookieSessionsAsync(userId);
        logger.LogInformation("Signed user {UserId} out of every session", userId);
    }

    /// <summary>The user's current stamp, or null when the user no longer exists.</summary>
    public async Task<string?> GetSecurityStampAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
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

    /// <summary>Addresses are stored and looked up trimmed and in lower case, so registration and sign-in agree.</summary>
    private static string? NormalizeEmail(string? email) => email?.Trim().ToLowerInvariant();

    private static AccountInfo ToInfo(User u) =>
        new(u.Id, u.Email, u.DisplayName, u.TimeZone, u.IsDemo, u.SecurityStamp, u.Display);
}
