using Quartz;

namespace SyncDashboard.Web.Jobs;

internal static class RecurringTrigger
{
    /// <summary>Every <paramref name="interval"/> for good; a run missed while busy is skipped, not caught up.</summary>
    public static SimpleScheduleBuilder Every(TimeSpan interval) =>
        SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount);

    /// <summary>Fires <paramref name="job"/> every <paramref name="interval"/>, the first time after <paramref name="firstRunAfter"/>.</summary>
    public static ITrigger Create(TriggerKey key, JobKey job, TimeSpan interval, TimeSpan firstRunAfter) =>
        TriggerBuilder.Create().WithIdentity(key).ForJob(job).StartAt(DateTimeOffset.UtcNow + firstRunAfter).WithSchedule(Every(interval)).Build();
}
