using Bunit;
using SyncDashboard.Core.Domain;
using SyncDashboard.Web.Components.Shared;

namespace SyncDashboard.Tests.Components;

public sealed class DirectionSelectTests
{
    [Fact]
    public async Task PickerOffersTwoWayImportOnlyAndExportOnly()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<DirectionSelect>(p => p.Add(x => x.Value, SyncDirection.TwoWay));

        var options = cut.FindAll("option");
        Assert.Equal(["Two-way", "Import only", "Export only"], Text.Of(options));
        Assert.Equal(["TwoWay", "ImportOnly", "ExportOnly"], options.Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task PickerShowsTheCurrentDirection()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<DirectionSelect>(p => p.Add(x => x.Value, SyncDirection.ImportOnly));

        Assert.Equal("ImportOnly", cut.Find("select").GetAttribute("value"));

        cut.Render(p => p.Add(x => x.Value, SyncDirection.ExportOnly));
        Assert.Equal("ExportOnly", cut.Find("select").GetAttribute("value"));
    }

    [Fact]
    public async Task ChoosingADirectionHandsItToTheBoundValue()
    {
        await using var ctx = new BunitContext();
        var bound = SyncDirection.TwoWay;
        var cut = ctx.Render<DirectionSelect>(p => p.Bind(x => x.Value, bound, v => bound = v));

        await cut.Find("select").ChangeAsync("ExportOnly");
        Assert.Equal(SyncDirection.ExportOnly, bound);

        await cut.Find("select").ChangeAsync("ImportOnly");
        Assert.Equal(SyncDirection.ImportOnly, bound);
    }

    [Fact]
    public async Task PickerCarriesTheTestIdItIsGiven()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<DirectionSelect>(p => p.Add(x => x.Value, SyncDirection.TwoWay).Add(x => x.TestId, "direction-work"));

        Assert.Single(cut.FindAll("[data-testid=direction-work]"));
    }
}
