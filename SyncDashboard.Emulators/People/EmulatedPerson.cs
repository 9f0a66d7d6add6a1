namespace SyncDashboard.Emulators.People;

/// <summary>
/// The person at the browser on an emulated website page (consent, "Google side", "Notion side"), as the hosting
/// app knows them. <see cref="Key"/> is stable (the app's user id) and owns emulated accounts and workspaces.
/// </summary>
public sealed record EmulatedPerson(string Key, string Email, string DisplayName);
