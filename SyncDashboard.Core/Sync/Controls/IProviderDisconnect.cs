using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync.Controls;

/// <summary>What giving a grant back came to, in words the user is shown after disconnecting.</summary>
/// <param name="Revoked">The provider no longer honours the grant (revoked now, or it was already dead there).</param>
/// <param name="Note">What the user still has to do themselves, when the provider could not be asked.</param>
public sealed record GrantRevocation(bool Revoked, string? Note = null);

/// <summary>
/// The provider's share of disconnecting (ADR 0020): closing what it pushes to us for one integration, and revoking a
/// grant at the provider once no connected integration uses it. Everything else is the same for every provider and
/// lives in <see cref="IntegrationControls"/>.
/// </summary>
public interface IProviderDisconnect
{
    Provider Provider { get; }

    /// <summary>Stops the provider's notifications for the integration; a failure is logged, never thrown.</summary>
    Task StopPushAsync(Integration integration, CancellationToken ct);

    /// <summary>Revokes the grant at the provider; never throws for the provider's own refusal or absence.</summary>
    Task<GrantRevocation> RevokeAsync(ProviderCredential credential, CancellationToken ct);
}
