namespace SyncDashboard.Web.Components.Layout;

/// <summary>The user's light/dark choice, kept in a cookie so the first paint of every page already has it.</summary>
public enum ThemeMode { System, Light, Dark }

public static class ThemeModeCookie
{
    public const string Name = "sd-theme";

    public static ThemeMode Read(HttpContext? http) =>
        Enum.TryParse<ThemeMode>(http?.Request.Cookies[Name], ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : ThemeMode.System;
}
