namespace SyncDashboard.Web.Emulators;

/// <summary>Where the signed-in user's own emulated Google calendar and Notion workspace are, when the app hosts the emulators.</summary>
public sealed record EmulatedSites(string GoogleSide, string NotionSide);
