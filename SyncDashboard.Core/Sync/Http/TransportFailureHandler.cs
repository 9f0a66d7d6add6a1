using Polly.Timeout;

namespace SyncDashboard.Core.Sync.Http;

/// <summary>
/// Outermost: a timeout or a connection failure that outlived the retries is the engine's "try again later", so the
/// outbox keeps the change instead of the sync engine seeing an HTTP library's exception.
/// </summary>
internal sealed class TransportFailureHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TransientProviderException($"{request.RequestUri?.Host} did not answer in time.", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TransientProviderException($"Could not reach {request.RequestUri?.Host}: {ex.Message}", null, ex);
        }
    }
}
