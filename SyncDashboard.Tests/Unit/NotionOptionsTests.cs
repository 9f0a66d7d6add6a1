using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Notion;

namespace SyncDashboard.Tests.Unit;

public sealed class NotionOptionsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:05:00")]
    [InlineData("1.00:00:01")]
    public void WebhookSetupWindowOutsideAMomentToADayIsRefusedNamingTheKey(string window)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Options(window));
        Assert.Contains("Notion:WebhookSetupWindow", ex.Message);
    }

    [Fact]
    public void WebhookSetupWindowIsFifteenMinutesUnlessConfigured()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), Options(null).WebhookSetupWindow);
        Assert.Equal(TimeSpan.FromMinutes(5), Options("00:05:00").WebhookSetupWindow);
    }

    private static NotionOptions Options(string? window)
    {
        var settings = window is null ? [] : new Dictionary<string, string?> { ["Notion:WebhookSetupWindow"] = window };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddNotion(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<NotionOptions>>().Value;
    }
}
