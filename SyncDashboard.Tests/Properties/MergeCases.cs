using FsCheck;
using FsCheck.Fluent;
using SyncDashboard.Core.Domain;

namespace SyncDashboard.Tests.Properties;

/// <summary>A base version and two sides each derived from it by changing some field groups, plus who wrote last.</summary>
public sealed record MergeCase(EventFields? Base, EventFields Local, EventFields Remote, bool RemoteWins)
{
    public override string ToString() => $"base={Base}\n local={Local}\n remote={Remote}\n remoteWins={RemoteWins}";
}

/// <summary>
/// Generators for <see cref="FieldMergeLaws"/>. Values come from small pools so that both sides often pick the same
/// value, or one that differs from the base only in whitespace (which the merge treats as no change).
/// </summary>
public static class MergeCases
{
    private static readonly DateTime Day = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Gen<string> Titles = Gen.Elements("Standup", "Retro", "Planning", "Standup ");
    private static readonly Gen<string?> Texts = Gen.Elements<string?>(null, "", " ", "Room 4", "Room 4 ", "Room 5", "a\r\nb", "a\nb");
    private static readonly Gen<string?> Zones = Gen.Elements<string?>(null, "UTC", "Europe/Berlin");
    private static readonly Gen<string?> Rules = Gen.Elements<string?>(null, "", "RRULE:FREQ=WEEKLY;COUNT=8", "RRULE:FREQ=DAILY");

    private static readonly Gen<(DateTime Start, DateTime End, bool AllDay)> Times =
        from hour in Gen.Choose(8, 10)
        from minutes in Gen.Elements(30, 60)
        from allDay in Gen.Elements(false, false, true)
        select allDay ? (Day, Day.AddDays(1), true) : (Day.AddHours(hour), Day.AddHours(hour).AddMinutes(minutes), false);

    public static readonly Gen<EventFields> Fields =
        from title in Titles
        from description in Texts
        from location in Texts
        from notes in Texts
        from time in Times
        from zone in Zones
        from rule in Rules
        select new EventFields(title, description, location, notes, time.Start, time.End, time.AllDay, zone, rule);

    /// <summary>The base with each field group replaced by a fresh value with probability one half.</summary>
    private static Gen<EventFields> Edit(EventFields b) =>
        from fresh in Fields
        from mask in Gen.ArrayOf(Gen.Elements(false, true), 6)
        select b with
        {
            Title = mask[0] ? fresh.Title : b.Title,
            Description = mask[1] ? fresh.Description : b.Description,
            Location = mask[2] ? fresh.Location : b.Location,
            Notes = mask[3] ? fresh.Notes : b.Notes,
            Start = mask[4] ? fresh.Start : b.Start,
            End = mask[4] ? fresh.End : b.End,
            IsAllDay = mask[4] ? fresh.IsAllDay : b.IsAllDay,
            TimeZone = mask[4] ? fresh.TimeZone : b.TimeZone,
            Recurrence = mask[5] ? fresh.Recurrence : b.Recurrence,
        };

    public static readonly Gen<MergeCase> Cases =
        from b in Fields
        from local in Edit(b)
        from remote in Edit(b)
        from remoteWins in Gen.Elements(false, true)
        from noBase in Gen.Frequency((1, Gen.Constant(true)), (7, Gen.Constant(false)))
        select new MergeCase(noBase ? null : b, local, remote, remoteWins);

    public static Arbitrary<MergeCase> Arbitrary() => Cases.ToArbitrary();
}
