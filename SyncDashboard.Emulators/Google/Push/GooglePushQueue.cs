using System.Threading.Channels;

namespace SyncDashboard.Emulators.Google.Push;

/// <summary>One push notification to POST: headers only, Google sends no body.</summary>
public sealed record PushNotification(
    string Address, string ChannelId, long MessageNumber, string ResourceId, string ResourceState,
    string ResourceUri, DateTimeOffset? Expiration, string? Token);

/// <summary>Hands notifications from API writes to the background sender so a write never waits on a webhook.</summary>
public sealed class GooglePushQueue
{
    private readonly Channel<PushNotification> _channel = Channel.CreateUnbounded<PushNotification>(
        new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(PushNotification notification) => _channel.Writer.TryWrite(notification);

    public ChannelReader<PushNotification> Reader => _channel.Reader;
}
