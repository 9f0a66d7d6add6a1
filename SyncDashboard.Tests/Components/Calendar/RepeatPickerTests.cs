using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;
using MudBlazor.Services;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Web.Components.Calendar;

namespace SyncDashboard.Tests.Components.Calendar;

public sealed class RepeatPickerTests : IAsyncDisposable
{
    /// <summary>Tuesday 8 December 2026, 18:30 in Berlin: the second Tuesday of its month.</summary>
    private static readonly DateTime Tue8Dec = new(2026, 12, 8, 18, 30, 0);

    private readonly BunitContext _ctx = new();
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;
    private IRenderedComponent<PickerHost> _host = default!;

    /// <summary>The rule as the form holds it.</summary>
    private string? _rule => _host.Instance.Recurrence;

    public RepeatPickerTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _popovers = _ctx.Render<MudPopoverProvider>();
    }

    public ValueTask DisposeAsync() => _ctx.DisposeAsync();

    [Theory]
    [InlineData("Daily", "RRULE:FREQ=DAILY", "Repeats: every day.")]
    [InlineData("Weekly", "RRULE:FREQ=WEEKLY;BYDAY=TU", "Repeats: every week on Tuesday.")]
    [InlineData("Monthly", "RRULE:FREQ=MONTHLY;BYMONTHDAY=8", "Repeats: monthly on the 8th.")]
    [InlineData("Yearly", "RRULE:FREQ=YEARLY", "Repeats: every year on 8 Dec.")]
    public async Task EachFrequencyWritesItsRuleAndSaysIt(string frequency, string rule, string words)
    {
        var picker = Render(null);
        Assert.Equal("Does not repeat", Selected(picker));
        Assert.Empty(picker.FindAll("[data-testid=repeat-words]"));

        await ChooseAsync(picker, 0, frequency);

        Assert.Equal(rule, _rule);
        Assert.Equal(words, Words(picker));
    }

    [Fact]
    public async Task WeeklyOnDaysEveryOtherWeekForSixTimes()
    {
        var picker = Render(null);
        await ChooseAsync(picker, 0, "Weekly");

        await picker.Find("[data-testid=repeat-day-mo]").ClickAsync(new());
        await picker.Find("[data-testid=repeat-day-th]").ClickAsync(new());
        await picker.Find("[data-testid=repeat-day-tu]").ClickAsync(new()); // the first day's, chosen to begin with
        await picker.Find("input[name=repeatInterval]").ChangeAsync(new() { Value = "2" });
        await picker.Find("input[data-testid=repeat-end-after]").ClickAsync(new());
        await picker.Find("input[name=repeatCount]").ChangeAsync(new() { Value = "6" });

        Assert.Equal("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=6", _rule);
        Assert.Equal("Repeats: every 2 weeks on Monday and Thursday, 6 times.", Words(picker));
        Assert.Equal("weeks", picker.Find("[data-testid=repeat-unit]").TextContent);
    }

    [Fact]
    public async Task MonthlyOffersTheDayAndTheWeekdayOfTheFirstDay()
    {
        var picker = Render(null, new DateTime(2026, 12, 31, 9, 0, 0)); // the last day, and the fifth and last Thursday
        await ChooseAsync(picker, 0, "Monthly");

        Assert.Equal(["on day 31", "on the last day", "on the fifth Thursday", "on the last Thursday"], await OptionsAsync(picker, 1));
        await ChooseAsync(picker, 1, "on the last Thursday");

        Assert.Equal("RRULE:FREQ=MONTHLY;BYDAY=-1TH", _rule);
        Assert.Equal("Repeats: monthly on the last Thursday.", Words(picker));
    }

    [Fact]
    public async Task YearlyCanFallOnAWeekdayOfTheMonth()
    {
        var picker = Render(null);
        await ChooseAsync(picker, 0, "Yearly");
        await ChooseAsync(picker, 1, "on the second Tuesday of December");

        Assert.Equal("RRULE:FREQ=YEARLY;BYMONTH=12;BYDAY=2TU", _rule);
        Assert.Equal("Repeats: every year on the 2nd Tuesday of December.", Words(picker));
    }

    [Fact]
    public async Task EndingOnADayWritesTheEndOfThatDayInTheUsersZone()
    {
        var picker = Render(null);
        await ChooseAsync(picker, 0, "Daily");
        await picker.Find("input[data-testid=repeat-end-on]").ClickAsync(new());
        await picker.Find("input[name=repeatUntil]").ChangeAsync(new() { Value = "2027-01-31" });

        Assert.Equal("RRULE:FREQ=DAILY;UNTIL=20270131T225959Z", _rule); // 23:59:59 in Berlin
        Assert.Equal("Repeats: every day until 31 Jan 2027.", Words(picker));
    }

    [Fact]
    public async Task AnAllDaySeriesEndsOnADate()
    {
        var picker = Render(null, Tue8Dec.Date, allDay: true);
        await ChooseAsync(picker, 0, "Daily");
        await picker.Find("input[data-testid=repeat-end-on]").ClickAsync(new());
        await picker.Find("input[name=repeatUntil]").ChangeAsync(new() { Value = "2027-01-31" });

        Assert.Equal("RRULE:FREQ=DAILY;UNTIL=20270131", _rule);
    }

    [Fact]
    public async Task AnExistingRuleSelectsItsChoicesAndStaysAsItWas()
    {
        const string rule = "RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU;UNTIL=20271231T225959Z";
        var picker = Render(rule);

        Assert.Equal("Monthly", Selected(picker));
        Assert.Equal("3", picker.Find("input[name=repeatInterval]").GetAttribute("value"));
        Assert.Equal("on the second Tuesday", Selected(picker, 1));
        Assert.NotNull(picker.Find("input[data-testid=repeat-end-on]").GetAttribute("checked"));
        Assert.Equal("2027-12-31", picker.Find("input[name=repeatUntil]").GetAttribute("value"));
        Assert.Equal("Repeats: every 3 months on the 2nd Tuesday until 31 Dec 2027.", Words(picker));
        Assert.Equal(rule, _rule);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task ACustomRuleIsKeptUntilAnotherChoiceIsMade()
    {
        const string rule = "RRULE:FREQ=DAILY;BYHOUR=9,17";
        var picker = Render(rule);

        Assert.Equal("Custom…", Selected(picker));
        Assert.Equal("Custom rule: RRULE:FREQ=DAILY;BYHOUR=9,17", Words(picker)); // no sentence to end with a full stop
        Assert.Empty(picker.FindAll("input[name=repeatInterval]"));
        Assert.Equal(rule, _rule);

        await ChooseAsync(picker, 0, "Weekly");
        Assert.Equal("RRULE:FREQ=WEEKLY;BYDAY=TU", _rule);
        Assert.DoesNotContain("Custom…", await OptionsAsync(picker, 0));
    }

    [Fact]
    public async Task ChangingThePatternKeepsTheSeriesSkippedDates()
    {
        var picker = Render("RRULE:FREQ=WEEKLY;BYDAY=TU\nEXDATE:20261215T173000Z");

        await picker.Find("input[name=repeatInterval]").ChangeAsync(new() { Value = "2" });
        Assert.Equal("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU\nEXDATE:20261215T173000Z", _rule);

        await ChooseAsync(picker, 0, "Does not repeat");
        Assert.Null(_rule);
    }

    [Fact]
    public async Task MovingTheFirstDayMovesTheMonthDay()
    {
        var picker = Render(null);
        await ChooseAsync(picker, 0, "Monthly");

        _host.Render(p => p.Add(x => x.Start, new DateTime(2026, 12, 12, 18, 30, 0)));

        Assert.Equal("RRULE:FREQ=MONTHLY;BYMONTHDAY=12", _rule);
        Assert.Equal("on day 12", Selected(picker, 1));
    }

    [Fact]
    public async Task MovingTheLastWeekdayToADayThatIsNotLastKeepsItsPlaceInTheMonth()
    {
        var picker = Render(null, new DateTime(2026, 12, 31, 9, 0, 0));
        await ChooseAsync(picker, 0, "Monthly");
        await ChooseAsync(picker, 1, "on the last Thursday");

        _host.Render(p => p.Add(x => x.Start, new DateTime(2026, 12, 17, 9, 0, 0)));

        Assert.Equal("RRULE:FREQ=MONTHLY;BYDAY=3TH", _rule);
        Assert.Equal("on the third Thursday", Selected(picker, 1));
    }

    [Fact]
    public async Task TheLastDayCannotBeUnchosen()
    {
        var picker = Render(null);
        await ChooseAsync(picker, 0, "Weekly");

        await picker.Find("[data-testid=repeat-day-tu]").ClickAsync(new());

        Assert.Equal("RRULE:FREQ=WEEKLY;BYDAY=TU", _rule);
        Assert.Equal("true", picker.Find("[data-testid=repeat-day-tu]").GetAttribute("aria-checked"));
    }

    [Theory]
    [InlineData("en-GB", "Mo Tu We Th Fr Sa Su")]
    [InlineData("en-US", "Su Mo Tu We Th Fr Sa")]
    public async Task WeekdaysStartWhereTheUsersWeekStarts(string culture, string days)
    {
        var picker = Render(null, culture: culture);
        await ChooseAsync(picker, 0, "Weekly");

        Assert.Equal(days, string.Join(" ", Text.Of(picker.FindAll("[data-testid=repeat-days] button"))));
    }

    private IRenderedComponent<RepeatPicker> Render(string? rule, DateTime? start = null, bool allDay = false, string culture = "en-GB")
    {
        var format = new DateTimeFormatter(DisplayPreferences.FromCulture(culture, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));
        _host = _ctx.Render<PickerHost>(p => p.Add(x => x.Initial, rule)
            .Add(x => x.Start, start ?? Tue8Dec).Add(x => x.AllDay, allDay).Add(x => x.Format, format));
        return _host.FindComponent<RepeatPicker>();
    }

    /// <summary>The text a select shows (0: the frequency, 1: the month day).</summary>
    private static string Selected(IRenderedComponent<RepeatPicker> picker, int select = 0) =>
        picker.FindAll("[role=combobox]")[select] is var box && box.TagName == "INPUT" ? box.GetAttribute("value") ?? "" : Text.Of(box);

    private static string Words(IRenderedComponent<RepeatPicker> picker) => Text.Of(picker.Find("[data-testid=repeat-words]"));

    private async Task<IReadOnlyList<string>> OptionsAsync(IRenderedComponent<RepeatPicker> picker, int select)
    {
        await picker.FindAll(".mud-select > .mud-input-control")[select].MouseDownAsync(new());
        var options = Text.Of(_popovers.FindAll(".mud-popover-open .mud-list-item"));
        await picker.FindAll(".mud-select > .mud-input-control")[select].MouseDownAsync(new()); // closes it again
        return options;
    }

    private async Task ChooseAsync(IRenderedComponent<RepeatPicker> picker, int select, string option)
    {
        await picker.FindAll(".mud-select > .mud-input-control")[select].MouseDownAsync(new());
        await _popovers.WaitForElements(".mud-popover-open .mud-list-item").Single(i => Text.Of(i) == option).ClickAsync(new());
    }

    /// <summary>Holds the rule the way the editor's form does, bound both ways to the picker.</summary>
    private sealed class PickerHost : ComponentBase
    {
        [Parameter] public string? Initial { get; set; }
        [Parameter] public DateTime Start { get; set; }
        [Parameter] public bool AllDay { get; set; }
        [Parameter] public DateTimeFormatter Format { get; set; } = default!;

        public string? Recurrence { get; private set; }

        protected override void OnInitialized() => Recurrence = Initial;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<RepeatPicker>(0);
            builder.AddComponentParameter(1, nameof(RepeatPicker.Recurrence), Recurrence);
            builder.AddComponentParameter(2, nameof(RepeatPicker.RecurrenceChanged), EventCallback.Factory.Create<string?>(this, v => Recurrence = v));
            builder.AddComponentParameter(3, nameof(RepeatPicker.Start), Start);
            builder.AddComponentParameter(4, nameof(RepeatPicker.AllDay), AllDay);
            builder.AddComponentParameter(5, nameof(RepeatPicker.Format), Format);
            builder.CloseComponent();
        }
    }
}
