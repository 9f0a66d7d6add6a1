namespace SyncDashboard.Web.Calendar.Sources;

/// <summary>One user's sources with their colours: the app first, then each integration in the order it was connected.</summary>
public sealed class CalendarSources
{
    private readonly Dictionary<Guid, CalendarSource> _byIntegration;

    public CalendarSources(IReadOnlyList<CalendarSource> integrations)
    {
        Integrations = integrations;
        _byIntegration = integrations.Where(s => s.IntegrationId is not null).ToDictionary(s => s.IntegrationId!.Value);
    }

    public static CalendarSources AppOnly { get; } = new([]);

    public IReadOnlyList<CalendarSource> Integrations { get; }

    /// <summary>
    /// The source of an event by its origin. An integration the user no longer has (or never had: the id is the
    /// event's, not checked here) reads as the app's, so every event has a colour.
    /// </summary>
    public CalendarSource For(Guid? originIntegrationId) =>
        originIntegrationId is { } id && _byIntegration.TryGetValue(id, out var source) ? source : CalendarSource.App;

    /// <summary>
    /// What the legend lists: the app, every connected integration, and a disconnected one only while events from it
    /// are on screen.
    /// </summary>
    public IReadOnlyList<CalendarSource> Legend(IEnumerable<Guid?> shownOrigins)
    {
        var shown = shownOrigins.OfType<Guid>().ToHashSet();
        return [CalendarSource.App, .. Integrations.Where(s => s.IsConnected || shown.Contains(s.IntegrationId!.Value))];
    }
}
