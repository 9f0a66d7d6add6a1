using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Util.Store;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Common;

namespace SyncDashboard.Core.Google;

/// <summary>
/// Google.Apis.Auth's authorization-code flow, pointed at the configured endpoints (Google's, or the emulator's
/// through relative URLs). Built lazily because the app's own address is known only once it listens.
/// </summary>
public sealed class GoogleAuthFlowFactory(IOptions<GoogleOptions> options, IAppBaseAddress baseAddress, IDataStore dataStore)
{
    private GoogleAuthorizationCodeFlow? _flow;

    public GoogleAuthorizationCodeFlow Flow => _flow ??= Create();

    private GoogleAuthorizationCodeFlow Create()
    {
        var o = options.Value;
        return new GoogleAuthorizationCodeFlow(new EndpointInitializer(
            baseAddress.Resolve(o.AuthorizationUrl).ToString(), baseAddress.Resolve(o.TokenUrl).ToString(), baseAddress.Resolve(o.RevokeUrl).ToString())
        {
            ClientSecrets = new ClientSecrets { ClientId = o.ClientId, ClientSecret = o.ClientSecret },
            Scopes = o.Scopes,
            DataStore = dataStore,
            Prompt = "consent",
        });
    }

    /// <summary>The library keeps the endpoint constructor protected; this is its documented extension point.</summary>
    private sealed class EndpointInitializer(string authorizationUrl, string tokenUrl, string revokeUrl)
        : GoogleAuthorizationCodeFlow.Initializer(authorizationUrl, tokenUrl, revokeUrl);
}
