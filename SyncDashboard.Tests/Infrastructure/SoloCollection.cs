namespace SyncDashboard.Tests.Infrastructure;

/// <summary>
/// Tests whose limits are about time (a drain within 30 s) run alone, after the parallel ones, so the limit measures
/// the app rather than the load of other tests on a two-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloCollection
{
    public const string Name = "solo";
}
