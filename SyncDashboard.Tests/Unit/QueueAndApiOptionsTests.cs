using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Sync.Queue;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Tests.Unit;

public sealed class QueueAndApiOptionsTests
{
    [Fact]
    public void CompletedRowsAreKeptSevenDaysAndTheCreateWaitsTwoSecondsUnlessConfigured()
    {
        Assert.Equal(TimeSpan.FromDays(7), Retention([]).CompletedRetention);
        Assert.Equal(TimeSpan.FromDays(30), Retention(new() { ["Sync:Queue:CompletedRetention"] = "30.00:00:00" }).CompletedRetention);
        Assert.Equal(TimeSpan.FromSeconds(2), new ApiOptions().ExternalSyncWait);
    }

    [Theory]
    [InlineData("Sync:Queue:CompletedRetention", "00:00:00")]
    [InlineData("Sync:Queue:CompletedRetention", "-1.00:00:00")]
    [InlineData("Sync:Queue:RetentionInterval", "00:00:00")]
    [InlineData("Sync:Queue:RetentionInterval", "2.00:00:00")]
    public void RetentionOutsideItsRangeIsRefusedNamingTheKey(string key, string value)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Retention(new() { [key] = value }));
        Assert.Contains(key, ex.Message);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:00:31")]
    public void ACreateWaitOutsideZeroToThirtySecondsIsRefusedNamingTheKey(string value)
    {
        var options = new ApiOptions { ExternalSyncWait = TimeSpan.Parse(value) };
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains("Api:ExternalSyncWait", Assert.Single(results).ErrorMessage);
    }

    private static QueueRetentionOptions Retention(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddOutboxQueue(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<QueueRetentionOptions>>().Value;
    }
}
