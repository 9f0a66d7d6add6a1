using SyncDashboard.Core.Events;

namespace SyncDashboard.Tests.Unit;

public sealed class RecurrenceRuleTests
{
    /// <summary>The hostile run's rules and their relatives: each would make a naive expander throw, overflow or search forever.</summary>
    public static TheoryData<string, string> HostileRules => new()
    {
        { "RRULE:FREQ=DAILY;INTERVAL=2147483647", "INTERVAL must be a whole number from 1 to 1000." },
        { "RRULE:FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number from 1 to 1000." },
        { "RRULE:FREQ=WEEKLY;INTERVAL=-3", "INTERVAL must be a whole number from 1 to 1000." },
        { "RRULE:FREQ=DAILY;COUNT=2147483647", "COUNT must be a whole number from 1 to 5000." },
        { "RRULE:FREQ=DAILY;COUNT=99999999999999999999", "COUNT must be a whole number from 1 to 5000." },
        { "RRULE:FREQ=SECONDLY;UNTIL=22001231T000000Z", "FREQ=SECONDLY is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY." },
        { "RRULE:FREQ=MINUTELY", "FREQ=MINUTELY is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY." },
        { "RRULE:FREQ=FORTNIGHTLY", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY." },
        { "RRULE:INTERVAL=2", "RRULE needs FREQ." },
        { "RRULE:FREQ=DAILY;UNTIL=99991231T000000Z", "UNTIL dates must be between 1900-01-01 and 2200-12-31." },
        { "RRULE:FREQ=DAILY;UNTIL=soon", "UNTIL value 'SOON' is not a date such as 20261130 or 20261130T090000Z." },
        { "RRULE:FREQ=DAILY;COUNT=3;UNTIL=20261231T000000Z", "COUNT and UNTIL cannot both be given." },
        { "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30,31", "BYMONTH and BYMONTHDAY never meet (such as 30 February)." },
        { "RRULE:FREQ=YEARLY;BYMONTH=1;BYYEARDAY=100", "BYMONTH and BYYEARDAY never meet." },
        { "RRULE:FREQ=MONTHLY;BYDAY=6MO", "BYDAY entry '6MO' never occurs: a month has at most 5 of each day." },
        { "RRULE:FREQ=WEEKLY;BYDAY=XX", "BYDAY entry 'XX' is not a day such as MO or 2TU." },
        { "RRULE:FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY values must be from 1 to 31 or -1 to -31." },
        { "RRULE:FREQ=DAILY;BYHOUR=24", "BYHOUR values must be from 0 to 23." },
        { "RRULE:FREQ=DAILY;BYSETPOS=1", "BYSETPOS needs another BYxxx part." },
        { "RRULE:FREQ=DAILY;X-NAME=1", "RRULE part X-NAME is not supported." },
        { "RRULE:FREQ=DAILY;FREQ=WEEKLY", "RRULE gives FREQ twice." },
        { "RRULE:FREQ=DAILY;COUNT", "RRULE part 'COUNT' is not NAME=VALUE." },
        { "RRULE:FREQ=DAILY\nRRULE:FREQ=WEEKLY", "Only one RRULE line is supported." },
        { "RRULE:FREQ=DAILY\nEXDATE:tomorrow", "EXDATE value 'tomorrow' is not a date such as 20261130 or 20261130T090000Z." },
        { "RRULE:FREQ=DAILY\nDTSTART:20261130T090000Z", "Recurrence lines must start with RRULE:, EXRULE:, RDATE: or EXDATE:." },
    };

    [Theory]
    [MemberData(nameof(HostileRules))]
    public void HostileRuleHasAProblemThatNamesThePart(string recurrence, string problem) =>
        Assert.Equal(problem, RecurrenceRule.ProblemWith(recurrence));

    [Theory]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR")]
    [InlineData("RRULE:FREQ=WEEKLY;WKST=SU;UNTIL=20270101T000000Z;BYDAY=TU")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=2TU")]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=-1")]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29")]
    [InlineData("RRULE:FREQ=YEARLY;INTERVAL=1000")]
    [InlineData("RRULE:FREQ=DAILY;COUNT=5000\nEXDATE;TZID=Europe/Berlin:20261202T090000")]
    [InlineData("EXDATE;VALUE=DATE:20261225\nRRULE:FREQ=YEARLY;UNTIL=20301231")]
    [InlineData("RRULE:FREQ=DAILY\nRDATE;VALUE=PERIOD:20261130T090000Z/PT1H")]
    public void RulesGoogleWritesHaveNoProblem(string recurrence) =>
        Assert.Null(RecurrenceRule.ProblemWith(recurrence));
}
