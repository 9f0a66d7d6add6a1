using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Sync.MassDelete;

namespace SyncDashboard.Tests.Unit;

public sealed class MassDeleteOptionsTests
{
    [Theory]
    [InlineData("Share", "1.5", "Sync:MassDelete:Share")]
    [InlineData("Share", "-0.1", "Sync:MassDelete:Share")]
    [InlineData("Minimum", "0", "Sync:MassDelete:Minimum")]
    public void ValuesOutOfRangeAreRefusedNamingTheKey(string key, string value, string named)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Options(new() { ["Sync:MassDelete:" + key] = value }));
        Assert.Contains(named, ex.Message);
    }

    [Theory]
    [InlineData(15, 20, true)]  // over half, at least ten
    [InlineData(10, 20, false)] // exactly half is not over half
    [InlineData(5, 20, false)]
    [InlineData(9, 12, false)]  // over half, under the minimum
    [InlineData(10, 12, true)]
    public void ByDefaultABurstIsOverHalfAndAtLeastTen(int deletions, int linked, bool trips) =>
        Assert.Equal(trips, Options([]).Trips(deletions, linked));

    [Fact]
    public void SwitchedOffNothingTrips() =>
        Assert.False(Options(new() { ["Sync:MassDelete:Enabled"] = "false" }).Trips(100, 100));

    private static MassDeleteOptions Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddMassDeleteGuard(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<MassDeleteOptions>>().Value;
    }
}
