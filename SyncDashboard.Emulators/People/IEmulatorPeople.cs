using Microsoft.AspNetCore.Http;

namespace SyncDashboard.Emulators.People;

/// <summary>
/// Supplied by a host that serves several people from one emulator (the app in demo mode): who is signed in, and
/// where to send someone who is not. Each person then sees and consents only with their own emulated Google
/// accounts and Notion workspaces. Without it the emulator is single-tenant: one implicit person who sees everything
/// (the standalone contract-test hosts).
/// </summary>
public interface IEmulatorPeople
{
    EmulatedPerson? Current(HttpContext context);

    /// <summary>The host's sign-in page, returning to <paramref name="returnUrl"/> (a local path) afterwards.</summary>
    string SignInUrl(string returnUrl);

    /// <summary>The host app's home, for the "back to the app" link on the emulated pages.</summary>
    string AppHomeUrl { get; }
}
