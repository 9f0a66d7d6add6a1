using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SyncDashboard.Core.Common;

namespace SyncDashboard.Web.Infrastructure;

/// <summary>
/// The app's public address: <c>App:PublicBaseUrl</c> when set (behind a proxy, or for Google's HTTPS webhooks),
/// otherwise the first address Kestrel listens on, with wildcard hosts replaced by loopback.
/// </summary>
internal sealed class AppBaseAddress(IConfiguration configuration, IServer server) : IAppBaseAddress
{
    private Uri? _base;

    public Uri Resolve(string urlOrPath) =>
        Uri.TryCreate(urlOrPath, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(Base, urlOrPath.TrimStart('/'));

    private Uri Base => _base ??= Discover();

    private Uri Discover()
    {
        if (configuration["App:PublicBaseUrl"] is { Length: > 0 } configured) return new Uri(configured.TrimEnd('/') + "/");
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server is not listening yet, and App:PublicBaseUrl is not set.");
        var uri = new UriBuilder(address.Replace("://*", "://127.0.0.1").Replace("://+", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1"));
        uri.Path = "/";
        return uri.Uri;
    }
}
