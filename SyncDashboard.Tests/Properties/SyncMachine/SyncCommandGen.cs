using FsCheck;
using FsCheck.Fluent;
using SyncDashboard.Core.Events;

namespace SyncDashboard.Tests.Properties.SyncMachine;

/// <summary>
/// FsCheck generators for command sequences. Values come from small pools so two sides often write the same or
/// different values to one field between syncs (the interesting merges).
/// </summary>
public static class SyncCommandGen
{
    private static readonly Gen<Side> Sides = Gen.Elements(Side.App, Side.Google, Side.Notion);
    // Notion has no recurrence: occurrences are edited in the app and in Google only.
    private static readonly Gen<Side> SeriesSides = Gen.Elements(Side.App, Side.Google);
    private static readonly Gen<EditScope> Scopes = Gen.Frequency((3, Gen.Constant(EditScope.This)), (2, Gen.Constant(EditScope.Following)), (1, Gen.Constant(EditScope.All)));
    private static readonly Gen<string> Words = Gen.Elements("red", "blue", "green");
    private static readonly Gen<string?> Descriptions = Gen.Elements<string?>(null, "agenda", "notes to self");
    private static readonly Gen<string?> Locations = Gen.Elements<string?>(null, "Room 4", "Lab");
    private static readonly Gen<string?> Notes = Gen.Elements<string?>(null, "bring laptop");
    private static readonly Gen<string?> Rules = Gen.Frequency(
        (3, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>("RRULE:FREQ=WEEKLY;COUNT=4")), (1, Gen.Constant<string?>("RRULE:FREQ=DAILY;COUNT=3")));

    private static readonly Gen<(int Day, int Hour, int Minutes, bool AllDay)> Times =
        from day in Gen.Choose(0, 6)
        from hour in Gen.Choose(8, 17)
        from minutes in Gen.Elements(30, 60, 90)
        from allDay in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        // An all-day event lasts one or two days (Minutes / 60 of them).
        select (day, hour, allDay ? (minutes > 60 ? 120 : 60) : minutes, allDay);

    private static readonly Gen<EventSpec> Specs =
        from word in Words
        from description in Descriptions
        from location in Locations
        from notes in Notes
        from time in Times
        from rule in Rules
        select new EventSpec(word, description, location, notes, time.Day, time.Hour, time.Minutes, time.AllDay, time.AllDay ? null : rule);

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : class =>
        Gen.Frequency((1, gen.Select(v => (T?)v)), (1, Gen.Constant<T?>(null)));

    private static readonly Gen<EventEdit> Edits =
        (from word in Maybe(Words)
         from description in Maybe(Descriptions.Select(d => d ?? ""))
         from location in Maybe(Locations.Select(l => l ?? ""))
         from notes in Maybe(Notes.Select(n => n ?? ""))
         from moveIt in Gen.Elements(false, true)
         from time in Times
         select new EventEdit(word, description, location, notes, moveIt ? time : null))
        .Where(e => e.Word is not null || e.Description is not null || e.Location is not null || e.Notes is not null || e.Time is not null);

    private static readonly Gen<int> Picks = Gen.Choose(0, 99);

    private static readonly Gen<SyncCommand> Faults =
        from target in Gen.Elements(FaultTarget.Google, FaultTarget.Notion)
        from kind in Gen.Frequency(
            (3, Gen.Constant(FaultKindChoice.RateLimited)), (2, Gen.Constant(FaultKindChoice.Error500)), (2, Gen.Constant(FaultKindChoice.Error503)),
            (1, Gen.Constant(FaultKindChoice.Timeout)), (2, Gen.Constant(FaultKindChoice.CommitThen500)), (1, Gen.Constant(FaultKindChoice.DropPushes)))
        from count in Gen.Choose(1, 3)
        select (SyncCommand)new SyncCommand.Fault(target, target == FaultTarget.Notion && kind == FaultKindChoice.DropPushes ? FaultKindChoice.Error503 : kind, count);

    /// <param name="restartWeight">Restarts cost a host start (about a second); the small run keeps them rare.</param>
    public static Gen<SyncCommand> Commands(int restartWeight = 1) => Gen.Frequency(
        (12, from side in Sides from spec in Specs select (SyncCommand)new SyncCommand.Create(side, spec)),
        (14, from side in Sides from pick in Picks from edit in Edits select (SyncCommand)new SyncCommand.Edit(side, pick, edit)),
        (2, from side in Gen.Elements(Side.App, Side.Google) from pick in Picks from word in Words select (SyncCommand)new SyncCommand.RenameSeries(side, pick, word)),
        (5, from side in Sides from pick in Picks select (SyncCommand)new SyncCommand.Delete(side, pick)),
        (7, from side in SeriesSides from pick in Picks from nth in Gen.Choose(0, 3) from scope in Scopes from edit in Edits
            select (SyncCommand)new SyncCommand.EditOccurrence(side, pick, nth, scope, edit)),
        (3, from side in SeriesSides from pick in Picks from nth in Gen.Choose(0, 3) from scope in Scopes
            select (SyncCommand)new SyncCommand.DeleteOccurrence(side, pick, nth, scope)),
        (4, Gen.Constant<SyncCommand>(new SyncCommand.PullGoogle())),
        (4, Gen.Constant<SyncCommand>(new SyncCommand.PollNotion())),
        (2, Gen.Constant<SyncCommand>(new SyncCommand.GooglePush())),
        (5, Gen.Constant<SyncCommand>(new SyncCommand.DrainOutbox())),
        (5, Faults),
        (1, Gen.Constant<SyncCommand>(new SyncCommand.ExpireSyncToken())),
        (Math.Max(restartWeight, 0), Gen.Constant<SyncCommand>(new SyncCommand.Restart())));

    public static Gen<List<SyncCommand>> Sequences(int maxLength, int restartWeight = 1) =>
        from length in Gen.Choose(1, maxLength)
        from commands in Gen.ListOf(Commands(restartWeight), length)
        select commands.ToList();

    /// <summary>The sequences of one seeded run: the same seed gives the same sequences.</summary>
    public static IReadOnlyList<List<SyncCommand>> Sample(ulong seed, int sequences, int maxLength, int restartWeight = 1) =>
        Sequences(maxLength, restartWeight).Sample(size: maxLength, seed: new Rnd(seed), numberOfSamples: sequences);
}
