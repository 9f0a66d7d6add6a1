using System.Globalization;
using System.Text;

namespace SyncDashboard.Emulators.Google;

/// <summary>Position inside a listing: the snapshot sequence the final sync token will carry, plus a keyset cursor.</summary>
public sealed record PageCursor(long Snapshot, long Key, string Id);

/// <summary>
/// Opaque tokens. A sync token names a calendar, its change sequence and its invalidation epoch, so a
/// token from another calendar, an old epoch or plain garbage all fail as 410 fullSyncRequired.
/// </summary>
public static class SyncTokens
{
    public static string EncodeSync(string calendarId, long seq, int epoch) => Pack($"s1|{seq}|{epoch}|{calendarId}");

    /// <summary>The change sequence the token was issued at; 410 when it does not belong to this calendar state.</summary>
    public static long DecodeSync(string token, string calendarId, int epoch, long currentSeq)
    {
        var parts = Unpack(token)?.Split('|', 4);
        if (parts is ["s1", var seqText, var epochText, var id]
            && long.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            && int.TryParse(epochText, NumberStyles.None, CultureInfo.InvariantCulture, out var tokenEpoch)
            && id == calendarId && tokenEpoch == epoch && seq <= currentSeq)
        {
            return seq;
        }
        throw GoogleApiException.FullSyncRequired();
    }

    public static string EncodePage(PageCursor cursor) => Pack($"p1|{cursor.Snapshot}|{cursor.Key}|{cursor.Id}");

    public static PageCursor? DecodePage(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        var parts = Unpack(token)?.Split('|', 4);
        if (parts is ["p1", var s, var k, var id]
            && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var snapshot)
            && long.TryParse(k, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key))
        {
            return new PageCursor(snapshot, key, id);
        }
        throw GoogleApiException.Invalid("Invalid page token value.", "pageToken");
    }

    private static string Pack(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string? Unpack(string token)
    {
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(token)); }
        catch (FormatException) { return null; }
    }
}
