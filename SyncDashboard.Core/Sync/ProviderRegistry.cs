using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync;

public sealed class ProviderRegistry(IEnumerable<ICalendarProvider> providers)
{
    private readonly Dictionary<Provider, ICalendarProvider> _byKind = providers.ToDictionary(p => p.Provider);

    public ICalendarProvider For(Provider provider) =>
        _byKind.TryGetValue(provider, out var p) ? p : throw new InvalidOperationException($"No provider for {provider} is registered.");

    public bool Has(Provider provider) => _byKind.ContainsKey(provider);
}
