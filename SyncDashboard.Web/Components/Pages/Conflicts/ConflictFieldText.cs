using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Formatting;

namespace SyncDashboard.Web.Components.Pages.Conflicts;

/// <summary>How one field of one side of a conflict reads in the table: the words a person uses, dates through the one formatter.</summary>
public static class ConflictFieldText
{
    /// <summary>What an empty description, location or note reads as.</summary>
    public const string Empty = "(empty)";

    public static string Label(string field) => field switch
    {
        "Time" => "When",
        "Recurrence" => "Repeats",
        _ => field,
    };

    /// <summary>The value of <paramref name="field"/> in <paramref name="fields"/>; "(no record)" when there is no last agreement.</summary>
    public static string Of(EventFields? fields, string field, DateTimeFormatter format)
    {
        if (fields is null) return "(no record)";
        return field switch
        {
            "Title" => OrEmpty(fields.Title),
            "Description" => OrEmpty(fields.Description),
            "Location" => OrEmpty(fields.Location),
            "Notes" => OrEmpty(fields.Notes),
            "Time" => format.EventRange(Utc(fields.Start), Utc(fields.End), fields.IsAllDay),
            "Recurrence" => RecurrenceDescriber.Describe(fields.Recurrence, DateOnly.FromDateTime(fields.Start), format)?.Text ?? "Does not repeat",
            _ => OrEmpty(null),
        };
    }

    private static string OrEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? Empty : value;

    private static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));
}
