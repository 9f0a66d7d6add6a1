using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SyncDashboard.Emulators.Google.Push;
using SyncDashboard.Emulators.Google.State;
using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Emulators.Google;

/// <summary>Push channels: events.watch, channels.stop, and the notifications a change fires.</summary>
public sealed partial class GoogleEmulator
{
    public const string RealResourceBase = "https://www.googleapis.com";

    /// <param name="apiBase">Base the resourceUri is built on (the emulator's own URL when called over HTTP).</param>
    public ChannelResponse Watch(string calendarId, WatchRequest request, string? asUser = null,
        string apiBase = RealResourceBase)
    {
        lock (_gate)
        {
            var calendar = Calendar(asUser ?? DefaultAccountEmail, calendarId, ownerCheck: asUser is not null);
            ValidateWatch(request);
            var now = Now;
            var ttl = request.Params?.GetValueOrDefault("ttl") is { } ttlText
                ? long.TryParse(ttlText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                    ? TimeSpan.FromSeconds(seconds)
                    : throw GoogleApiException.Invalid("Invalid value for: params.ttl.")
                : Options.DefaultChannelTtl;
            var expiration = now + ttl;
            if (request.Expiration is { } ms && DateTimeOffset.FromUnixTimeMilliseconds(ms) < expiration)
            {
                expiration = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            }
            var channel = new ChannelState
            {
                Id = request.Id!, ResourceId = ResourceIdOf(calendar.Id), CalendarId = calendar.Id,
                ResourceUri = $"{apiBase}/calendar/v3/calendars/{Uri.EscapeDataString(calendarId)}/events?alt=json",
                OwnerEmail = calendar.OwnerEmail, Address = request.Address!, Token = request.Token,
                Expiration = expiration, MessageNumber = 1,
            };
            _state.Channels[channel.Id] = channel;
            Persist();
            // Google may deliver this before the watch response; clients must cope.
            Send(channel, "sync");
            return new ChannelResponse
            {
                Id = channel.Id, ResourceId = channel.ResourceId, ResourceUri = channel.ResourceUri, Token = channel.Token,
                Expiration = expiration.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            };
        }
    }

    public void StopChannel(string channelId, string resourceId, string? asUser = null)
    {
        lock (_gate)
        {
            if (!_state.Channels.TryGetValue(channelId, out var channel) || channel.Stopped
                || channel.ResourceId != resourceId
                || (asUser is not null && !string.Equals(channel.OwnerEmail, asUser, StringComparison.OrdinalIgnoreCase)))
            {
                throw new GoogleApiException(404, new("global", "notFound",
                    $"Channel '{channelId}' not found for project '000000000000'"));
            }
            channel.Stopped = true;
            Persist();
        }
    }

    public IReadOnlyList<ChannelResponse> ActiveChannels()
    {
        lock (_gate)
        {
            return [.. _state.Channels.Values.Where(c => !c.Stopped && c.Expiration > Now).Select(c => new ChannelResponse
            {
                Id = c.Id, ResourceId = c.ResourceId, ResourceUri = c.ResourceUri, Token = c.Token,
                Expiration = c.Expiration.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            })];
        }
    }

    private void NotifyChannels(CalendarState calendar)
    {
        foreach (var channel in _state.Channels.Values.Where(c => c.CalendarId == calendar.Id && !c.Stopped && c.Expiration > Now))
        {
            // Message numbers only increase; Google's are not consecutive, so neither are ours.
            channel.MessageNumber += System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, 6);
            if (TakeFault(FaultKind.DropNotifications, "POST", channel.Address) is not null)
            {
                RecordPushDropped();
                continue;
            }
            Send(channel, "exists");
        }
    }

    private void Send(ChannelState channel, string state) => _push.Enqueue(new PushNotification(
        channel.Address, channel.Id, channel.MessageNumber, channel.ResourceId, state, channel.ResourceUri,
        channel.Expiration, channel.Token));

    private void ValidateWatch(WatchRequest request)
    {
        if (string.IsNullOrEmpty(request.Id) || request.Id.Length > 64)
        {
            throw GoogleApiException.Invalid("Invalid channel id.");
        }
        if (request.Type is not ("web_hook" or "webhook"))
        {
            throw GoogleApiException.Invalid($"Unknown channel type: {request.Type}.");
        }
        if (!Uri.TryCreate(request.Address, UriKind.Absolute, out var address)
            || address.Scheme is not ("http" or "https")
            || (Options.RequireHttpsWebhooks && address.Scheme != "https"))
        {
            throw new GoogleApiException(400, new("global", "push.webhookUrlNotHttps",
                $"WebHook callback must be HTTPS: {request.Address}"));
        }
        if (!WebhookTargets.Allows(Options.AllowedWebhookOrigin, address, out var origin))
        {
            throw new GoogleApiException(400, new("global", "push.webhookUrlUnauthorized",
                $"Unauthorized WebHook callback channel: {request.Address} (this emulator delivers only to {origin})."));
        }
        if (request.Token is { Length: > 256 })
        {
            throw GoogleApiException.Invalid("Channel token too long.");
        }
        if (_state.Channels.TryGetValue(request.Id, out var existing) && !existing.Stopped)
        {
            throw new GoogleApiException(400, new("global", "channelIdNotUnique", "Channel id not unique"));
        }
    }

    private static string ResourceIdOf(string calendarId) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(calendarId)))
            .Replace('+', '-').Replace('/', '_')[..27];
}
