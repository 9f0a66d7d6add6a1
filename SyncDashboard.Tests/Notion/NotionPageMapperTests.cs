using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;

namespace SyncDashboard.Tests.Notion;

public sealed class NotionPageMapperTests
{
    private static readonly NotionPropertyMapping Map = NotionPropertyMapping.Seed with { AppEventIdProperty = "SyncDashboard ID" };

    private static DateTime Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    private static NotionPage PageFrom(EventFields f, Guid id, string edited = "2025-03-01T10:00:00.000Z") => new()
    {
        Id = "p1", LastEditedTime = edited,
        // What Notion returns for what we wrote: plain_text filled in, time_zone null.
        Properties = NotionPageMapper.ToProperties(f, Map, id).ToDictionary(kv => kv.Key, kv => kv.Value with
        {
            Title = kv.Value.Title?.Select(t => t with { PlainText = t.Text!.Content }).ToList(),
            RichText = kv.Value.RichText?.Select(t => t with { PlainText = t.Text!.Content }).ToList(),
        }),
    };

    [Fact]
    public void OneDayAllDayEventHasNoEndAndMultiDayEndIsInclusive()
    {
        var oneDay = new EventFields("Holiday", null, null, null, Utc(2025, 3, 1), Utc(2025, 3, 2), true, null, null);
        var threeDays = oneDay with { End = Utc(2025, 3, 4) };

        Assert.Equal(new NotionDate("2025-03-01"), NotionPageMapper.ToDate(oneDay));
        Assert.Equal(new NotionDate("2025-03-01", "2025-03-03"), NotionPageMapper.ToDate(threeDays));
        // And back: Notion's inclusive last day becomes the app's exclusive end.
        Assert.Equal(Utc(2025, 3, 4), NotionPageMapper.ToFields(PageFrom(threeDays, Guid.NewGuid()), Map)!.End);
        Assert.Equal(Utc(2025, 3, 2), NotionPageMapper.ToFields(PageFrom(oneDay, Guid.NewGuid()), Map)!.End);
    }

    [Fact]
    public void TimedEventIsWrittenWithTheOffsetOfItsZoneAndReadBackAsTheSameInstant()
    {
        var meeting = new EventFields("Standup", null, null, null, Utc(2025, 7, 1, 7), Utc(2025, 7, 1, 7, 30), false, "Europe/Berlin", null);

        var date = NotionPageMapper.ToDate(meeting);
        var back = NotionPageMapper.ToFields(PageFrom(meeting, Guid.NewGuid()), Map)!;

        Assert.Equal(new NotionDate("2025-07-01T09:00:00+02:00", "2025-07-01T09:30:00+02:00"), date);
        Assert.Equal((meeting.Start, meeting.End, false), (back.Start, back.End, back.IsAllDay));
        Assert.Null(back.TimeZone); // Notion answers with an offset, never a zone
    }

    [Fact]
    public void TextOver2000CharactersIsSplitAndRejoined()
    {
        var notes = string.Concat(Enumerable.Range(0, 4500).Select(i => (char)('a' + i % 26)));
        var f = new EventFields("Long", null, null, notes, Utc(2025, 3, 1), Utc(2025, 3, 2), true, null, null);

        var items = NotionPageMapper.ToProperties(f, Map, null)["Notes"].RichText!;
        Assert.Equal([2000, 2000, 500], items.Select(i => i.Text!.Content.Length));
        Assert.Equal(notes, NotionPageMapper.ToFields(PageFrom(f, Guid.NewGuid()), Map)!.Notes);
        // A surrogate pair is never cut in half.
        var emoji = new string('x', 1999) + "😀" + "tail";
        Assert.Equal([1999, 6], NotionPageMapper.Split(emoji).Select(i => i.Text!.Content.Length));
    }

    [Fact]
    public void VersionIsEditTimePlusContentHashAndCarriesTheAppId()
    {
        var id = Guid.NewGuid();
        var f = new EventFields("A", "d", null, null, Utc(2025, 3, 1, 9), Utc(2025, 3, 1, 10), false, null, null);

        var a = NotionPageMapper.ToRemote(PageFrom(f, id), Map);
        var sameMinuteEdit = NotionPageMapper.ToRemote(PageFrom(f with { Title = "B" }, id), Map);

        Assert.Matches("^2025-03-01T10:00:00.000Z:[0-9a-f]{16}$", a.Version!);
        Assert.NotEqual(a.Version, sameMinuteEdit.Version);
        Assert.Equal(id, a.AppEventId);
        Assert.True(NotionPageMapper.ToRemote(PageFrom(f, id) with { InTrash = true }, Map).Deleted);
    }
}
