namespace SyncDashboard.Core.Events;

/// <summary>How often a series the app makes repeats.</summary>
public enum RepeatFrequency { Daily, Weekly, Monthly, Yearly }

/// <summary>
/// Which day of the month a monthly (or yearly) series falls on, read off its first day: the 11th, the last day (for a
/// first day that is one), the second Tuesday, or the last Friday (for a first day in the month's last seven).
/// </summary>
public enum MonthlyBy { DayOfMonth, LastDayOfMonth, WeekdayOfMonth, LastWeekdayOfMonth }

/// <summary>When a series stops: never, after its day <see cref="RecurrencePattern.Until"/>, or after <see cref="RecurrencePattern.Count"/> occurrences.</summary>
public enum RepeatEnd { Never, OnDate, AfterCount }
