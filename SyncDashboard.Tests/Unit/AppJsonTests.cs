using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Web.Realtime;

namespace SyncDashboard.Tests.Unit;

/// <summary>The one JSON setting of the API and the hub: enums as the setup guide spells them, read in any case.</summary>
public sealed class AppJsonTests
{
    [Theory]
    [InlineData(Provider.Google, "\"GOOGLE\"")]
    [InlineData(SyncDirection.TwoWay, "\"TWO_WAY\"")]
    [InlineData(OutboxState.DeadLettered, "\"DEAD_LETTERED\"")]
    [InlineData(IntegrationStatus.NeedsReconnect, "\"NEEDS_RECONNECT\"")]
    [InlineData(HeldDirection.Outbound, "\"OUTBOUND\"")]
    public void EnumsAreWrittenAsUpperSnakeNames(object value, string json) =>
        Assert.Equal(json, JsonSerializer.Serialize(value, value.GetType(), Json.App));

    [Theory]
    [InlineData("\"GOOGLE\"")]
    [InlineData("\"google\"")]
    [InlineData("\"Google\"")]
    [InlineData("1")]
    public void ProvidersAreReadInAnyCaseAndFromTheOldNumbers(string json) =>
        Assert.Equal(Provider.Google, JsonSerializer.Deserialize<Provider>(json, Json.App));

    [Theory]
    [InlineData("\"TWO_WAY\"")]
    [InlineData("\"two_way\"")]
    public void UpperSnakeNamesAreReadInAnyCase(string json) =>
        Assert.Equal(SyncDirection.TwoWay, JsonSerializer.Deserialize<SyncDirection>(json, Json.App));

    [Theory]
    [InlineData("\"OUTLOOK\"")]
    [InlineData("7")]
    [InlineData("\"\"")]
    public void AnUnknownNameOrNumberIsAJsonErrorNotAValue(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Provider>(json, Json.App));

    [Fact]
    public void TheHubWritesEnumsAsTheApiDoes()
    {
        using var services = new ServiceCollection().AddLogging().AddRealtime().BuildServiceProvider();
        var hub = services.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;
        Assert.Equal("\"DEAD_LETTERED\"", JsonSerializer.Serialize(OutboxState.DeadLettered, hub));
    }
}
