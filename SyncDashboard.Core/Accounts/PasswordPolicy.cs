namespace SyncDashboard.Core.Accounts;

/// <summary>
/// Length plus a short deny-list: long enough to resist guessing, and not one of the passwords every brute-force
/// list starts with. Kept small on purpose; length does most of the work.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 256;

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password12", "password123", "password!", "passw0rd", "p@ssword", "p@ssw0rd",
        "12345678", "123456789", "1234567890", "0123456789", "87654321", "11111111", "00000000", "12341234",
        "qwertyui", "qwertyuiop", "qwerty123", "qwerty12", "1q2w3e4r", "1qaz2wsx", "zaq12wsx", "asdfghjk", "asdfasdf",
        "abcd1234", "abc12345", "abcdefgh", "iloveyou", "sunshine", "princess", "football", "baseball", "welcome1",
        "welcome123", "letmein1", "trustno1", "superman", "starwars", "whatever", "changeme", "administrator",
        "admin123", "computer", "internet", "michelle", "jennifer", "corvette", "mercedes", "q1w2e3r4", "aa123456",
        "passwort", "motdepasse", "syncdashboard",
    };

    /// <summary>Why the password is refused, or null when it is acceptable.</summary>
    public static string? Check(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
            return $"The password needs at least {MinLength} characters.";
        if (password.Length > MaxLength) return $"The password may have at most {MaxLength} characters.";
        if (string.IsNullOrWhiteSpace(password)) return "The password cannot be only spaces.";
        if (password.Trim().Distinct().Count() == 1 || Common.Contains(password.Trim()))
            return "This password is too common; choose another.";
        return null;
    }
}
