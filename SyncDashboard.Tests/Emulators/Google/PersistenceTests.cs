using Microsoft.Extensions.Options;
using SyncDashboard.Emulators.Google;

namespace SyncDashboard.Tests.Emulators.Google;

public sealed class PersistenceTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"google-emulator-{Guid.NewGuid():N}.json");

    [Fact]
    public void StateFileCarriesEventsTokensAndSyncPositionAcrossRestarts()
    {
        var options = Options.Create(new GoogleEmulatorOptions { StatePath = _path });
        var first = new GoogleEmulator(options);
        var ev = first.InsertEvent("primary", new() { Summary = "kept", Start = new(Date: "2026-01-05"), End = new(Date: "2026-01-06") });
        var tokens = first.IssueTokens("demo@example.com", [GoogleEmulatorHost.CalendarScope]);
        var syncToken = first.ListEvents("primary", new EventListQuery()).NextSyncToken!;
        first.DeleteEvent("primary", ev.Id!);

        var second = new GoogleEmulator(options);

        Assert.Equal("cancelled", second.GetEvent("primary", ev.Id!).Status);
        Assert.Equal("demo@example.com", second.Authenticate(tokens.AccessToken)?.Email);
        var changes = second.ListEvents("primary", new EventListQuery { SyncToken = syncToken });
        Assert.Equal(ev.Id, Assert.Single(changes.Items).Id);
    }

    [Fact]
    public void SeedingApiRefusesWhatTheHttpApiRefuses()
    {
        var emulator = new GoogleEmulator(Options.Create(new GoogleEmulatorOptions()));
        var ex = Assert.Throws<GoogleApiException>(() => emulator.InsertEvent("primary",
            new() { Id = "BAD-ID", Start = new(Date: "2026-01-05"), End = new(Date: "2026-01-06") }));

        Assert.Equal(400, ex.Status);
        Assert.Equal("invalid", ex.Item.Reason);
    }

    public void Dispose()
    {
        if (File.Exists(_path)) { File.Delete(_path); }
    }
}
