using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncDashboard.Core;
using SyncDashboard.Core.Events;

namespace SyncDashboard.Tests.Unit;

public sealed class EventOptionsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:10")]
    [InlineData("00:10:01")]
    public void DeleteUndoWindowOutsideASecondToTenMinutesIsRefusedNamingTheKey(string window)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Options(window));
        Assert.Contains("Events:DeleteUndoWindow", ex.Message);
    }

    [Fact]
    public void DeleteUndoWindowIsTenSecondsUnlessConfigured()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), Options(null).DeleteUndoWindow);
        Assert.Equal(TimeSpan.FromSeconds(30), Options("00:00:30").DeleteUndoWindow);
    }

    private static EventOptions Options(string? window)
    {
        var settings = window is null ? [] : new Dictionary<string, string?> { ["Events:DeleteUndoWindow"] = window };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddEvents(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<EventOptions>>().Value;
    }
}
