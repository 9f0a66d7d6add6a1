using SyncDashboard.Core.Events;
using Xunit.Abstractions;
using static SyncDashboard.Tests.Properties.SyncMachine.SyncCommand;

namespace SyncDashboard.Tests.Properties.SyncMachine;

/// <summary>Shrunk sequences the generated sync tests found, kept as regular tests (each says what it found).</summary>
public sealed class SyncCounterexamples(ITestOutputHelper output)
{
    private static EventSpec Timed(string word, int day, int hour, string? notes = null) => new(word, null, null, notes, day, hour, 30, false, null);

    /// <summary>
    /// Found by seed 20261202 (shrunk from 22 commands). The app's edit reached the Notion page after the person had
    /// trashed it, so the dispatcher re-created the page (the edit wins); the trash, pulled next, matched the event by
    /// its id property, re-linked the event to the trashed page and deleted it in the app and Google, leaving the
    /// re-created page alive in Notion alone. Fixed in Reconciler.FindLinkAsync: a deleted copy the link no longer
    /// names is not re-linked. Either end is fine here (edit kept everywhere, or deleted everywhere), not a mix.
    /// </summary>
    [Fact]
    public async Task AnAppEditRacingATrashInNotionEndsTheSameOnAllThreeSides()
    {
        await AssertHoldsAsync(
            new Create(Side.Google, Timed("green", 5, 11, "bring laptop")),
            new Fault(FaultTarget.Notion, FaultKindChoice.RateLimited, 2),
            new PollNotion(),
            new PullGoogle(),
            new Edit(Side.App, 26, new EventEdit("red", "agenda", "Room 4", null, null)),
            new GooglePush(),
            new Delete(Side.Notion, 99),
            new Create(Side.Google, Timed("blue", 5, 15, "bring laptop")),
            new Fault(FaultTarget.Google, FaultKindChoice.Error503, 2));
    }

    /// <summary>
    /// Found by <c>FUZZ_SEED=7 bench/run.sh fuzz-sync</c> at sequence 420 (of 420; 5,765 operations). After settling, every
    /// outbox row was completed and app and Google agreed, but the Notion page of E1 still held an older version (an
    /// earlier all-day date, no location): a write to Notion was recorded as sent that Notion does not show. E1 had two
    /// create rows to Notion (one retried), edits in the app and Google, a restart, and a commit-then-500 fault on Notion.
    /// No shorter sequence failed again within the shrinking budget (timing-dependent), so this is the sequence as found
    /// (that run did not print how many days its all-day edits spanned; one is written here). It failed once in 36 reruns
    /// before the fix below the next finding (a change queued into an outbox row while that row was being sent was lost).
    /// </summary>
    [Fact]
    public async Task NotionHoldsTheLastVersionAfterARestartAndACommitThen500OnNotion()
    {
        await AssertHoldsAsync(
            new Create(Side.App, new EventSpec("blue", "notes to self", null, null, 1, 10, 90, false, null)),
            new PollNotion(),
            new RenameSeries(Side.Google, 70, "blue"),
            new Edit(Side.App, 5, new EventEdit("green", "", null, "", (5, 8, 60, true))),
            new Create(Side.Google, new EventSpec("blue", "agenda", "Lab", "bring laptop", 6, 15, 90, false, "RRULE:FREQ=DAILY;COUNT=3")),
            new Edit(Side.Notion, 84, new EventEdit("green", null, "", "bring laptop", (6, 10, 30, false))),
            new GooglePush(),
            new Edit(Side.Google, 22, new EventEdit(null, "notes to self", "Room 4", "", (6, 8, 60, true))),
            new Delete(Side.App, 53),
            new Restart(),
            new DrainOutbox(),
            new DrainOutbox(),
            new Create(Side.Google, new EventSpec("blue", null, "Lab", null, 6, 15, 30, false, null)),
            new ExpireSyncToken(),
            new Edit(Side.Notion, 92, new EventEdit("red", null, "Room 4", "bring laptop", null)),
            new Fault(FaultTarget.Notion, FaultKindChoice.CommitThen500, 2),
            new Create(Side.Google, new EventSpec("green", "notes to self", "Lab", "bring laptop", 6, 11, 60, false, null)),
            new Edit(Side.Google, 33, new EventEdit("green", "agenda", "Room 4", null, null)),
            new Fault(FaultTarget.Google, FaultKindChoice.RateLimited, 2),
            new GooglePush(),
            new PollNotion(),
            new RenameSeries(Side.Google, 90, "red"),
            new Create(Side.Google, new EventSpec("blue", "agenda", "Room 4", "bring laptop", 3, 8, 60, true, null)),
            new Edit(Side.App, 29, new EventEdit(null, null, null, "", (3, 16, 60, false))));
    }

    /// <summary>
    /// Found by seed 20261202 once the generator edited single occurrences (shrunk from 16 commands). The app changed the
    /// fourth date of a weekly series; before that reached Google, the person moved the whole series there. The override's
    /// write went to the instance id of a date the series no longer had: 404, dead-lettered, never settled. Google keeps an
    /// exception made earlier beside a moved series; one made after can only be an event of its own, which is what
    /// GoogleCalendarProvider now writes — so both calendars show the changed date and the four moved ones.
    /// </summary>
    [Fact]
    public async Task AnOccurrenceEditedInTheAppWhileGoogleMovesTheSeriesShowsOnBothCalendars()
    {
        await AssertHoldsAsync(
            new Create(Side.App, new EventSpec("red", "notes to self", null, "bring laptop", 6, 15, 60, false, "RRULE:FREQ=WEEKLY;COUNT=4")),
            new EditOccurrence(Side.App, 57, 3, EditScope.This, new EventEdit("green", "agenda", null, "", null)),
            new Edit(Side.Google, 96, new EventEdit(null, "", "Lab", null, (3, 10, 90, false))));
    }

    /// <summary>
    /// Found by <c>FUZZ_SEED=1204 bench/run.sh fuzz-sync</c> at sequence 11 (shrunk from 17 commands). A series made in
    /// Google, its first date changed there, then the series renamed: the app's first pull listed the exception before
    /// its series (Google lists in change order), found no series for it and imported it as an event of its own, so the
    /// app showed that date twice (the changed one and the series' own). Series now go first in a pull.
    /// </summary>
    [Fact]
    public async Task AnOccurrenceChangedInGoogleBeforeItsSeriesWasRenamedStaysAnOverride()
    {
        await AssertHoldsAsync(
            new Create(Side.Google, new EventSpec("green", "notes to self", null, "bring laptop", 4, 11, 30, false, "RRULE:FREQ=WEEKLY;COUNT=4")),
            new EditOccurrence(Side.Google, 43, 0, EditScope.This, new EventEdit("blue", null, "", "bring laptop", null)),
            new RenameSeries(Side.Google, 13, "green"));
    }

    /// <summary>
    /// Found by <c>FUZZ_SEED=1203 bench/run.sh fuzz-sync</c> at sequence 99 (shrunk from 23 commands). An event made in the
    /// app and deleted there at once: the create to Notion landed, but the restart cut off its answer, so the event's link
    /// had no page id; the retried create and the delete then saw a deleted event with nothing to delete, and the page
    /// stayed in Notion alone. A delete now looks for such a copy the way a retried create does (Notion: the id property;
    /// Google: the id derived from the event's). Timing-dependent: the restart must land while the create is in flight.
    /// </summary>
    [Fact]
    public async Task ACreateWhoseAnswerARestartCutOffIsDeletedWithItsEvent()
    {
        await AssertHoldsAsync(
            new Create(Side.Notion, new EventSpec("blue", "notes to self", "Lab", null, 3, 17, 90, false, "RRULE:FREQ=DAILY;COUNT=3")),
            new Create(Side.App, new EventSpec("green", "agenda", null, "bring laptop", 3, 8, 60, false, null)),
            new Create(Side.Notion, new EventSpec("red", "agenda", "Lab", null, 2, 11, 60, false, null)),
            new Delete(Side.App, 85),
            new EditOccurrence(Side.Google, 7, 1, EditScope.Following, new EventEdit("blue", null, null, "bring laptop", (2, 17, 90, false))),
            new Restart(),
            new Create(Side.App, new EventSpec("green", "agenda", null, "bring laptop", 4, 12, 90, false, null)));
    }

    /// <summary>
    /// Found by <c>FUZZ_SEED=3002 bench/run.sh fuzz-sync</c> (shrunk from 21 commands). The first date of a timed weekly
    /// series made all-day in the app went to Google's instance id in the all-day form (<c>_20261209</c>, from the
    /// override's kind of time, not the series'), which Google does not have: it became an event of its own there and the
    /// series kept its first date in Google. The instance id now follows the series.
    /// </summary>
    [Fact]
    public async Task AnOccurrenceOfATimedSeriesMadeAllDayReplacesItsDateInGoogle()
    {
        await AssertHoldsAsync(
            new Create(Side.App, new EventSpec("blue", null, null, "bring laptop", 5, 9, 30, false, "RRULE:FREQ=WEEKLY;COUNT=4")),
            new EditOccurrence(Side.App, 86, 0, EditScope.This, new EventEdit(null, "agenda", null, "", (4, 0, 60, true))));
    }

    /// <summary>
    /// Found by <c>FUZZ_SEED=3003 bench/run.sh fuzz-sync</c> at sequence 63 (shrunk from 14 commands; no faults, no
    /// restart). The series' Notion page kept the app's earlier title ("red") after the rename in Google ("green") reached
    /// the app and Google, with every outbox row completed — the same kind as the finding above. The likely cause: Google's
    /// send met a newer version there, merged it into the event and queued it for Notion into Notion's pending row, but
    /// saved that an HTTP call later; Notion's dispatcher had meanwhile claimed the row, sent the older event and completed
    /// it, and the save wrote the due time but not the state. OutboxWriter now always writes the state back to Pending and
    /// the dispatcher completes only a row still in flight. Timing-dependent (it passed most reruns before the fix too).
    /// </summary>
    [Fact]
    public async Task NotionHearsASeriesRenamedInGoogleAfterTheAppRenamedIt()
    {
        await AssertHoldsAsync(
            new Edit(Side.App, 24, new EventEdit(null, "agenda", null, "", (2, 12, 90, false))),
            new EditOccurrence(Side.Google, 64, 3, EditScope.This, new EventEdit("blue", "notes to self", null, null, null)),
            new Create(Side.App, new EventSpec("red", null, null, null, 5, 9, 60, false, "RRULE:FREQ=WEEKLY;COUNT=4")),
            new Edit(Side.App, 91, new EventEdit(null, null, null, "bring laptop", null)),
            new Edit(Side.App, 31, new EventEdit(null, null, null, "", null)),
            new DeleteOccurrence(Side.Google, 10, 3, EditScope.This),
            new PollNotion(),
            new Create(Side.Notion, new EventSpec("blue", "notes to self", "Room 4", null, 0, 14, 30, false, null)),
            new Edit(Side.App, 94, new EventEdit("red", null, "Room 4", null, null)),
            new RenameSeries(Side.Google, 78, "green"),
            new DeleteOccurrence(Side.App, 47, 2, EditScope.This),
            new PullGoogle(),
            new DrainOutbox(),
            new Create(Side.Notion, new EventSpec("red", null, "Room 4", "bring laptop", 4, 17, 30, false, null)));
    }

    /// <summary>
    /// Found by <c>FUZZ_SEED=3004 bench/run.sh fuzz-sync</c> (shrunk from 18 commands). A series made in the app whose
    /// create to Notion failed (commit-then-500), one date cancelled in the app, then the series deleted in Google: the
    /// cancelled date's delete to Notion waited for the series to reach Notion — which has no occurrences to address, and
    /// where the deleted series never would arrive — until it was dead-lettered. It now waits only where the side has
    /// occurrences of its own and the series is still alive.
    /// </summary>
    [Fact]
    public async Task ADateCancelledInASeriesThatNeverReachedNotionDoesNotWaitForIt()
    {
        await AssertHoldsAsync(
            new GooglePush(),
            new PollNotion(),
            new Fault(FaultTarget.Notion, FaultKindChoice.CommitThen500, 3),
            new Edit(Side.App, 70, new EventEdit(null, "notes to self", "Room 4", null, null)),
            new Create(Side.App, new EventSpec("red", null, "Lab", null, 0, 10, 60, false, "RRULE:FREQ=WEEKLY;COUNT=4")),
            new ExpireSyncToken(),
            new DeleteOccurrence(Side.App, 53, 0, EditScope.This),
            new PollNotion(),
            new DeleteOccurrence(Side.Google, 76, 1, EditScope.Following),
            new Delete(Side.Google, 76),
            new Create(Side.Google, new EventSpec("blue", null, null, null, 3, 8, 90, false, null)),
            new Create(Side.Notion, new EventSpec("blue", "notes to self", null, null, 3, 12, 30, false, null)),
            new Create(Side.Notion, new EventSpec("blue", "agenda", "Room 4", "bring laptop", 3, 0, 120, true, null)),
            new GooglePush(),
            new Edit(Side.Google, 3, new EventEdit(null, "", "", null, null)));
    }

    /// <summary>
    /// Found by <c>FUZZ_SEED=4001 bench/run.sh fuzz-sync</c> at sequence 92 (shrunk to 3 commands). A daily series made in
    /// the app, one date moved, then the series' page trashed in Notion: the app deleted the series and its override and
    /// told Google, but not Notion — where the override is a page of its own the person had not trashed.
    /// </summary>
    [Fact]
    public async Task TrashingASeriesPageInNotionTakesItsOverridesPagesToo()
    {
        await AssertHoldsAsync(
            new Create(Side.App, new EventSpec("blue", null, null, null, 1, 9, 90, false, "RRULE:FREQ=DAILY;COUNT=3")),
            new EditOccurrence(Side.App, 33, 1, EditScope.This, new EventEdit("blue", "", "Lab", "", (6, 9, 60, false))),
            new Delete(Side.Notion, 40));
    }

    private async Task AssertHoldsAsync(params SyncCommand[] commands)
    {
        await using var world = await SyncWorld.StartAsync();
        var outcome = await SyncMachineRunner.RunOneAsync(world, commands, output.WriteLine);
        Assert.True(outcome.Problems.Count == 0, string.Join("\n", outcome.Problems));
    }
}
