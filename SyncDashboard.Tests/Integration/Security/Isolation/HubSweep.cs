using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Security.Surface;
using SyncDashboard.Web.Realtime;

namespace SyncDashboard.Tests.Integration.Security.Isolation;

/// <summary>
/// The hub over real SignalR connections: every public method the attacker can invoke, called with each of the
/// victim's ids wherever it takes one, must answer what it answers the attacker for their own (never the victim's
/// answer); the attacker's connection, open through the whole run, must receive nothing about the victim's changes;
/// and the victim's token id is no token.
/// </summary>
public sealed class HubSweep(AppHost app, UserResources victim, UserResources attacker, LeakLog log) : IAsyncDisposable
{
    private readonly ConcurrentQueue<CalendarChanged> _received = new();
    /// <summary>syncProgress messages as sent, so enum spellings do not matter here.</summary>
    private readonly ConcurrentQueue<JsonElement> _progress = new();
    private HubConnection? _attacker;

    public int Methods { get; private set; }

    /// <summary>Methods a client can invoke: public instance methods of the hub, not the lifetime ones of <see cref="Hub"/>.</summary>
    public static IReadOnlyList<MethodInfo> InvokableMethods(Type hub) =>
        [.. hub.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType is { } d && !d.IsAssignableFrom(typeof(Hub)) && d != typeof(object)
                && !(d.IsGenericType && d.GetGenericTypeDefinition() == typeof(Hub<>)) && m.Name != nameof(IDisposable.Dispose))];

    /// <summary>Opens the attacker's connection, which listens until <see cref="CheckDeliveriesAsync"/>.</summary>
    public async Task ListenAsync()
    {
        _attacker = Connect(PlatformRoutes.Hubs[typeof(CalendarHub)], attacker.User.Token);
        _attacker.On<CalendarChanged>(nameof(ICalendarHubClient.CalendarChanged), _received.Enqueue);
        _attacker.On<JsonElement>(nameof(ICalendarHubClient.SyncProgress), _progress.Enqueue);
        await _attacker.StartAsync();
    }

    public async Task CallEveryMethodAsync()
    {
        foreach (var (hub, path) in PlatformRoutes.Hubs)
        {
            await using var attackers = Connect(path, attacker.User.Token);
            await using var victims = Connect(path, victim.User.Token);
            await attackers.StartAsync();
            await victims.StartAsync();
            foreach (var method in InvokableMethods(hub))
            {
                Methods++;
                var own = await InvokeAsync(attackers, method, ArgumentsFor(method, attacker).First());
                foreach (var args in ArgumentsFor(method, victim))
                {
                    var what = $"hub {method.Name}({string.Join(", ", args)})";
                    var answer = await InvokeAsync(attackers, method, args);
                    var victimsAnswer = await InvokeAsync(victims, method, args);
                    log.Count();
                    log.CheckText(what, string.Join("\n", args), answer);
                    if (answer == victimsAnswer && answer != own) log.Leaks.Add($"{what} gave the attacker the victim's answer {answer}");
                }
            }
        }
    }

    /// <summary>
    /// The victim changes something, then the attacker does: SignalR delivers one connection's messages in order and
    /// the notifier sends in commit order, so once the attacker's own change has arrived, anything about the victim's
    /// would have arrived before it.
    /// </summary>
    public async Task CheckDeliveriesAsync(Func<TestUser, string, Task<Guid>> createEvent)
    {
        var victims = await createEvent(victim.User, victim.Markers[0] + " late change");
        var sentinel = await createEvent(attacker.User, "attacker's sentinel");
        await Eventually.TrueAsync(() => _received.Any(m => m.EventIds.Contains(sentinel)), "the attacker's hub connection received their own change");
        log.Count();
        foreach (var message in _received)
        {
            log.CheckText("hub calendarChanged to the attacker", "", JsonSerializer.Serialize(message));
            if (message.EventIds.Contains(victims)) log.Leaks.Add($"the attacker's hub connection received the victim's change {message}");
        }
        foreach (var progress in _progress)
        {
            log.CheckText("hub syncProgress to the attacker", "", progress.GetRawText());
            if (victim.Guids.Any(id => progress.GetRawText().Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)))
                log.Leaks.Add($"the attacker's hub connection received the victim's sync progress {progress.GetRawText()}");
        }

        // The victim's token id in place of a token opens nothing.
        await using var swapped = Connect(PlatformRoutes.Hubs[typeof(CalendarHub)], victim.ApiTokenId.ToString());
        var refused = await Record.ExceptionAsync(() => swapped.StartAsync());
        log.Count();
        if ((refused as HttpRequestException)?.StatusCode != HttpStatusCode.Unauthorized)
            log.Leaks.Add($"a hub connection with the victim's token id was not refused with 401: {refused?.Message ?? "it connected"}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_attacker is not null) await _attacker.DisposeAsync();
    }

    /// <summary>One call per id of the user for each parameter that takes an id; one call for a method without parameters.</summary>
    private static IEnumerable<object?[]> ArgumentsFor(MethodInfo method, UserResources user)
    {
        var parameters = method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)).ToList();
        if (parameters.Count == 0) return [[]];
        var values = parameters.Select(p => p.ParameterType == typeof(Guid) ? user.Guids.Cast<object?>().ToList()
            : p.ParameterType == typeof(string) ? user.AllIds.Cast<object?>().ToList()
            : throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name} takes a {p.ParameterType.Name}; say in HubSweep how to fill it.")).ToList();
        return Enumerable.Range(0, values.Max(v => v.Count)).Select(i => values.Select(v => v[i % v.Count]).ToArray());
    }

    /// <summary>The answer as JSON, or the refusal's message.</summary>
    private static async Task<string> InvokeAsync(HubConnection connection, MethodInfo method, object?[] args)
    {
        try
        {
            var returns = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : typeof(object);
            return JsonSerializer.Serialize(await connection.InvokeCoreAsync(method.Name, returns, args));
        }
        catch (HubException ex)
        {
            return "refused: " + ex.Message;
        }
    }

    private HubConnection Connect(string path, string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, path), HttpTransportType.WebSockets,
                o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
}
