using System.Collections.Specialized;
using Quartz;
using Quartz.Impl;
using Quartz.Spi;

namespace SyncDashboard.Web.Jobs;

/// <summary>A recurring job: its type, how often, and after how long the first run comes.</summary>
public sealed record JobSchedule(Type JobType, TimeSpan Interval, TimeSpan FirstRunAfter);

/// <summary>
/// Runs Quartz 3 core inside the host. Quartz.Extensions.Hosting is not in this registry; this hosted service and
/// the DI job factory below are the small part of it we need. The in-memory job store means one node;
/// several nodes would switch to Quartz's clustered ADO store so each job runs once.
/// </summary>
internal sealed class QuartzHostedService(IEnumerable<JobSchedule> schedules, IServiceProvider services, SchedulerAccessor accessor,
    ILogger<QuartzHostedService> logger) : IHostedService
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken ct)
    {
        var factory = new StdSchedulerFactory(new NameValueCollection
        {
            // Unique per host: Quartz keeps a process-wide registry of schedulers by name (tests run several hosts).
            ["quartz.scheduler.instanceName"] = $"SyncDashboard-{Guid.NewGuid():N}",
            ["quartz.threadPool.maxConcurrency"] = "4",
        });
        _scheduler = await factory.GetScheduler(ct);
        _scheduler.JobFactory = new DiJobFactory(services);
        foreach (var schedule in schedules)
        {
            var job = JobBuilder.Create(schedule.JobType).WithIdentity(schedule.JobType.Name).Build();
            await _scheduler.ScheduleJob(job, Recurring(schedule.JobType.Name + ".trigger", schedule.Interval, schedule.FirstRunAfter), ct);
            logger.LogInformation("Scheduled {Job} every {Interval}", schedule.JobType.Name, schedule.Interval);
        }
        await _scheduler.Start(ct);
        accessor.Started(_scheduler);
    }

    /// <summary>Every <paramref name="interval"/> from <paramref name="firstRunAfter"/> on; a run missed while busy is skipped, not caught up.</summary>
    public static ITrigger Recurring(string identity, TimeSpan interval, TimeSpan firstRunAfter) =>
        TriggerBuilder.Create().WithIdentity(identity)
            .StartAt(DateTimeOffset.UtcNow + firstRunAfter)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount())
            .Build();

    public async Task StopAsync(CancellationToken ct)
    {
        if (_scheduler is not null) await _scheduler.Shutdown(waitForJobsToComplete: true, ct);
    }

    private sealed class DiJobFactory(IServiceProvider services) : IJobFactory
    {
        public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) =>
            (IJob)ActivatorUtilities.CreateInstance(services, bundle.JobDetail.JobType);

        public void ReturnJob(IJob job) => (job as IDisposable)?.Dispose();
    }
}

/// <summary>The running scheduler, for services that add and remove jobs at run time (one poll job per Notion database).</summary>
internal sealed class SchedulerAccessor
{
    private readonly TaskCompletionSource<IScheduler> _scheduler = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Started(IScheduler scheduler) => _scheduler.TrySetResult(scheduler);

    public Task<IScheduler> GetAsync(CancellationToken ct) => _scheduler.Task.WaitAsync(ct);
}
