using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Security.Surface;

/// <summary>
/// One line per row of a user's data, over what a request can change: account, events, event links, outbox rows,
/// integrations, credentials, API tokens and conflicts, plus the number of accounts. Fields that the app's own
/// background work moves after an accepted request (the dispatcher's progress on outbox rows and links, sync times,
/// refreshed provider tokens, "last used") are left out, so a difference can only come from a request. Nullable
/// columns concatenate as empty text, as in C#.
/// </summary>
public sealed record UserDataDigest(IReadOnlyList<string> Lines)
{
    public static async Task<UserDataDigest> TakeAsync(AppHost app, Guid userId, bool withAccountCount = true)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        // One UNION ALL query, so a digest per request stays cheap; sorted here, as a union keeps no order.
        var rows = db.Users.Where(u => u.Id == userId)
            .Select(u => "user " + u.Email + "|" + u.DisplayName + "|" + u.TimeZone + "|" + u.PasswordHash + "|" + u.SecurityStamp)
            .Concat(db.Events.Where(e => e.UserId == userId)
                .Select(e => "event " + e.Id + "|" + e.Title + "|" + e.Description + "|" + e.Location + "|" + e.Notes + "|" + e.Start + "|" + e.End
                    + "|" + e.IsAllDay + "|" + e.TimeZone + "|" + e.Recurrence + "|" + e.Version + "|" + e.IsDeleted))
            .Concat(db.EventLinks.Where(l => l.UserId == userId).Select(l => "link " + l.Id + "|" + l.EventId + "|" + l.IntegrationId))
            .Concat(db.Outbox.Where(o => o.UserId == userId).Select(o => "outbox " + o.Id + "|" + o.EventId + "|" + o.IntegrationId + "|" + o.Operation))
            .Concat(db.Integrations.Where(i => i.UserId == userId)
                .Select(i => "integration " + i.Id + "|" + i.Provider + "|" + i.CredentialId + "|" + i.DisplayName + "|" + i.ExternalId + "|" + i.Direction
                    + "|" + i.IsHome + "|" + i.IsActive + "|" + i.ChannelId + "|" + i.ChannelResourceId + "|" + i.ChannelTokenProtected
                    + "|" + i.PropertyMapping + "|" + i.WebhookSecretProtected))
            .Concat(db.Credentials.Where(c => c.UserId == userId).Select(c => "credential " + c.Id + "|" + c.Provider + "|" + c.AccountName + "|" + c.NeedsReconnect))
            .Concat(db.ApiTokens.Where(t => t.UserId == userId).Select(t => "token " + t.Id + "|" + t.Name + "|" + t.Hash + "|" + t.RevokedAt))
            .Concat(db.Conflicts.Where(c => c.UserId == userId)
                .Select(c => "conflict " + c.Id + "|" + c.EventId + "|" + c.Outcome + "|" + c.UserChoice + "|" + c.ResolvedAt));
        var lines = (await rows.ToListAsync()).Order(StringComparer.Ordinal).ToList();
        if (withAccountCount) lines.Insert(0, "accounts " + await db.Users.CountAsync());
        return new UserDataDigest(lines);
    }

    public bool SameAs(UserDataDigest other) => Lines.SequenceEqual(other.Lines, StringComparer.Ordinal);

    /// <summary>The lines only one side has, for a failure message.</summary>
    public string DifferenceFrom(UserDataDigest before)
    {
        var gone = before.Lines.Except(Lines, StringComparer.Ordinal).Select(l => "- " + Clip(l));
        var added = Lines.Except(before.Lines, StringComparer.Ordinal).Select(l => "+ " + Clip(l));
        return string.Join("; ", gone.Concat(added).Take(6));
    }

    private static string Clip(string s) => s.Length <= 160 ? s : s[..160] + "…";
}
