using SyncDashboard.Emulators.People;

namespace SyncDashboard.Emulators.Google;

/// <summary>Which emulated Google accounts belong to which of the host's people.</summary>
public sealed partial class GoogleEmulator
{
    /// <summary>The accounts <paramref name="owner"/> may use, oldest first.</summary>
    public IReadOnlyList<string> AccountsOf(string owner)
    {
        lock (_gate) { return [.. _state.Accounts.Values.Where(a => a.Owner == owner).Select(a => a.Email)]; }
    }

    /// <summary>The person an account belongs to; null when it has no owner or does not exist.</summary>
    public string? OwnerOf(string email)
    {
        lock (_gate) { return _state.Accounts.GetValueOrDefault(Normalize(email))?.Owner; }
    }

    /// <summary>
    /// Gives an account (created with a primary calendar when missing) to <paramref name="owner"/>. An account that
    /// is already someone else's is never taken over.
    /// </summary>
    public CalendarInfo ClaimAccount(string email, string owner, string? timeZone = null)
    {
        lock (_gate)
        {
            var key = Normalize(email);
            if (_state.Accounts.TryGetValue(key, out var existing) && existing.Owner is { } current && current != owner)
            {
                throw new InvalidOperationException($"The emulated Google account {key} belongs to someone else.");
            }
            var primary = CreateAccount(key, timeZone);
            _state.Accounts[key].Owner = owner;
            Persist();
            return primary;
        }
    }

    /// <summary>
    /// The person's accounts, giving them one on first use: their own address when it is free, else the address with a
    /// numbered <c>+tag</c> (an address someone else holds is never shared).
    /// </summary>
    public IReadOnlyList<string> EnsureAccountsOf(EmulatedPerson person)
    {
        lock (_gate)
        {
            var owned = AccountsOf(person.Key);
            if (owned.Count > 0) return owned;
            var email = Normalize(person.Email);
            var at = email.IndexOf('@');
            for (var n = 2; _state.Accounts.ContainsKey(email); n++)
            {
                email = at > 0 ? $"{Normalize(person.Email)[..at]}+{n}{Normalize(person.Email)[at..]}" : $"{Normalize(person.Email)}+{n}";
            }
            ClaimAccount(email, person.Key);
            return [email];
        }
    }

    /// <summary>The accounts a visitor of the emulated pages may use: their own (one made on first use), or all when single-tenant.</summary>
    internal IReadOnlyList<string> AccountsFor(Visitor visitor) =>
        visitor.Person is { } person ? EnsureAccountsOf(person) : Accounts();
}
