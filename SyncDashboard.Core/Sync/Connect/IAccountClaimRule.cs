using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync.Connect;

/// <summary>
/// A rule on which provider accounts a user may connect, asked once the provider has said whose a grant is. With the
/// real Google and Notion none is needed: finishing the provider's consent, or holding an integration's secret, is what
/// makes an account the user's. A host that serves several users from one emulated provider adds one.
/// </summary>
public interface IAccountClaimRule
{
    /// <param name="accountId">The provider's id of the account: Google's account e-mail, Notion's bot id.</param>
    bool MayConnect(Guid userId, Provider provider, string accountId);
}
