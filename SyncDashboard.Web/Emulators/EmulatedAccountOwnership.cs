using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Connect;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Notion;

namespace SyncDashboard.Web.Emulators;

/// <summary>
/// With the in-app emulators, an emulated Google account belongs to one app user and a Notion workspace to its owner
/// and invited members: a grant or pasted secret for anyone else's (or no one's) is refused, so a token seen elsewhere
/// is useless to another user. Accounts the emulators do not know are not theirs to judge.
/// </summary>
internal sealed class EmulatedAccountOwnership(GoogleEmulator google, NotionEmulator notion) : IAccountClaimRule
{
    public bool MayConnect(Guid userId, Provider provider, string accountId)
    {
        var person = AppEmulatorPeople.OwnerKey(userId);
        return provider switch
        {
            Provider.Google => !google.Accounts().Contains(accountId.Trim().ToLowerInvariant()) || google.OwnerOf(accountId) == person,
            Provider.Notion => notion.AdmitsViaBot(accountId, person) ?? true,
            _ => true,
        };
    }
}
