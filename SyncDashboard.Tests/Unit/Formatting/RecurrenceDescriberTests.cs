using SyncDashboard.Core.Formatting;

namespace SyncDashboard.Tests.Unit.Formatting;

public sealed class RecurrenceDescriberTests
{
    /// <summary>Tuesday 1 December 2026: the first day of the series where the rule names no day.</summary>
    private static readonly DateOnly Start = FormatKit.Tue1Dec;

    [Theory]
    [InlineData("RRULE:FREQ=DAILY", "Every day")]
    [InlineData("RRULE:FREQ=DAILY;INTERVAL=2;UNTIL=20261231", "Every 2 days until 31 Dec 2026")]
    [InlineData("RRULE:FREQ=DAILY;INTERVAL=3;COUNT=10", "Every 3 days, 10 times")]
    [InlineData("RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "Every weekday")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Every weekday")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=SU,MO,TU,WE,TH,FR,SA", "Every day")]
    [InlineData("RRULE:FREQ=WEEKLY", "Every week on Tuesday")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=WE,MO;COUNT=8", "Every week on Monday and Wednesday, 8 times")]
    [InlineData("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=FR,MO,WE", "Every 2 weeks on Monday, Wednesday and Friday")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=SU,SA", "Every week on Saturday and Sunday")]
    [InlineData("RRULE:FREQ=WEEKLY;COUNT=1", "Every week on Tuesday, once")]
    [InlineData("rrule:freq=weekly;byday=mo", "Every week on Monday")]
    [InlineData("RRULE:FREQ=MONTHLY", "Monthly on the 1st")]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=15", "Monthly on the 15th")]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=22,2", "Monthly on the 2nd and 22nd")]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=-1", "Monthly on the last day")]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=-2", "Monthly on the 2nd-to-last day")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=3TU", "Monthly on the 3rd Tuesday")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=+1MO", "Monthly on the 1st Monday")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=-1FR", "Monthly on the last Friday")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=TH;BYSETPOS=2", "Monthly on the 2nd Thursday")]
    [InlineData("RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=11", "Every 3 months on the 11th")]
    [InlineData("RRULE:FREQ=YEARLY", "Every year on 1 Dec")]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=5", "Every year on 5 Mar")]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "Every year on 29 Feb")]
    [InlineData("RRULE:FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=4TH", "Every 4 years on the 4th Thursday of November")]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", "Every year on the last Monday of May")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=MO\nEXDATE:20261207", "Every week on Monday, except 1 date")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=MO\nEXDATE:20261207,20261214\nEXDATE;VALUE=DATE:20261221", "Every week on Monday, except 3 dates")]
    [InlineData("RRULE:FREQ=DAILY;UNTIL=20261231T225959Z", "Every day until 31 Dec 2026")]
    // What the Repeat picker writes (RecurrencePattern.ToRule).
    [InlineData("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=6", "Every 2 weeks on Monday and Thursday, 6 times")]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=31;UNTIL=20271231T225959Z", "Monthly on the 31st until 31 Dec 2027")]
    [InlineData("RRULE:FREQ=MONTHLY;INTERVAL=5;BYDAY=5TH", "Every 5 months on the 5th Thursday")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=-1TU;COUNT=1", "Monthly on the last Tuesday, once")]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", "Every year on the last day of February")]
    [InlineData("RRULE:FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYDAY=-1TH;UNTIL=20301231", "Every 2 years on the last Thursday of December until 31 Dec 2030")]
    public void RuleReadsAsWords(string rule, string expected)
    {
        var described = RecurrenceDescriber.Describe(rule, Start, FormatKit.For("en-GB"))!;

        Assert.Equal(expected, described.Text);
        Assert.False(described.IsRawRule);
    }

    [Theory]
    [InlineData("en-US", "RRULE:FREQ=WEEKLY;BYDAY=MO,SU", "Every week on Sunday and Monday")] // the US week starts on Sunday
    [InlineData("en-US", "RRULE:FREQ=DAILY;UNTIL=20261231", "Every day until Dec 31, 2026")]
    [InlineData("en-US", "RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=5", "Every year on Mar 5")]
    [InlineData("de-DE", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE", "Every week on Montag and Mittwoch")]
    public void DatesAndDayNamesFollowTheUsersCulture(string culture, string rule, string expected) =>
        Assert.Equal(expected, RecurrenceDescriber.Describe(rule, Start, FormatKit.For(culture))!.Text);

    [Fact]
    public void AnUntilInstantIsReadAsTheDayInTheUsersZone()
    {
        // 23:30 UTC on 31 December is already 1 January in Berlin.
        var format = FormatKit.For("en-GB", zone: FormatKit.Berlin);
        Assert.Equal("Every day until 1 Jan 2027", RecurrenceDescriber.Describe("RRULE:FREQ=DAILY;UNTIL=20261231T233000Z", Start, format)!.Text);
    }

    [Theory]
    [InlineData("RRULE:FREQ=DAILY;BYHOUR=9,17", "RRULE:FREQ=DAILY;BYHOUR=9,17")]
    [InlineData("RRULE:FREQ=YEARLY;BYWEEKNO=20", "RRULE:FREQ=YEARLY;BYWEEKNO=20")]
    [InlineData("RRULE:FREQ=YEARLY;BYYEARDAY=100", "RRULE:FREQ=YEARLY;BYYEARDAY=100")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=1MO,3MO", "RRULE:FREQ=MONTHLY;BYDAY=1MO,3MO")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=1,7", "RRULE:FREQ=YEARLY;BYMONTH=1,7")]
    [InlineData("RRULE:FREQ=HOURLY", "RRULE:FREQ=HOURLY")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=XX", "RRULE:FREQ=WEEKLY;BYDAY=XX")]
    [InlineData("RRULE:FREQ=DAILY;COUNT=0", "RRULE:FREQ=DAILY;COUNT=0")]
    [InlineData("RRULE:FREQ=DAILY;COUNT=5;UNTIL=20261231", "RRULE:FREQ=DAILY;COUNT=5;UNTIL=20261231")]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30", "RRULE:FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30")]
    [InlineData("RRULE:", "RRULE:")]
    [InlineData("RRULE:FREQ", "RRULE:FREQ")]
    [InlineData("RRULE:;;;=;=", "RRULE:;;;=;=")]
    [InlineData("RRULE:FREQ=DAILY;INTERVAL=99999999999999999999", "RRULE:FREQ=DAILY;INTERVAL=99999999999999999999")]
    [InlineData("RRULE:FREQ=DAILY;UNTIL=99991231", "RRULE:FREQ=DAILY;UNTIL=99991231")]
    [InlineData("RDATE:20261224", "RDATE:20261224")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    [InlineData("RRULE:FREQ=DAILY\nRRULE:FREQ=WEEKLY", "RRULE:FREQ=DAILY RRULE:FREQ=WEEKLY")]
    [InlineData("RRULE:FREQ=DAILY\u0000\u0007;COUNT=2", "RRULE:FREQ=DAILY  ;COUNT=2")]
    public void RuleWithoutAPlainReadingFallsBackToItsTextWithoutThrowing(string rule, string expected)
    {
        var described = RecurrenceDescriber.Describe(rule, Start, FormatKit.For("en-GB"))!;

        Assert.True(described.IsRawRule);
        Assert.Equal(expected, described.Text);
        Assert.Equal(expected, described.AfterColon);
    }

    [Fact]
    public void AHugeRuleIsClippedNotShownWhole()
    {
        var rule = "RRULE:FREQ=DAILY;BYHOUR=" + string.Join(',', Enumerable.Repeat("1", 5000));
        var described = RecurrenceDescriber.Describe(rule, Start, FormatKit.For("en-GB"))!;

        Assert.True(described.IsRawRule);
        Assert.Equal(RecurrenceDescriber.RawMax + 1, described.Text.Length);
        Assert.EndsWith("…", described.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NoRuleIsNoDescription(string? rule) => Assert.Null(RecurrenceDescriber.Describe(rule, Start, FormatKit.For("en-GB")));

    [Fact]
    public void AfterAColonTheWordsStartInLowerCase() =>
        Assert.Equal("every week on Monday", RecurrenceDescriber.Describe("RRULE:FREQ=WEEKLY;BYDAY=MO", Start, FormatKit.For("en-GB"))!.AfterColon);
}
