using System.Security.Cryptography;

namespace SyncDashboard.Core.Accounts;

/// <summary>PBKDF2-SHA256 password hashes (<c>v1.iterations.salt.hash</c>); the Identity hasher's package is absent here.</summary>
public static class PasswordHasher
{
    private const int Iterations = 100_000;
    private const int SaltSize = 16;
    private const int HashSize = 32;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, HashSize);
        return $"v1.{Iterations}.{Convert.ToBase64String(salt)}.{Convert.ToBase64String(hash)}";
    }

    // A real hash of a random password: checking against it costs what checking a real account costs, so an unknown
    // address answers as slowly as a known one.
    private static readonly string DummyHash = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    /// <summary>Spends the time of one <see cref="Verify"/> and returns false.</summary>
    public static bool VerifyAgainstDummy(string password)
    {
        Verify(password, DummyHash);
        return false;
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('.');
        if (parts.Length != 4 || parts[0] != "v1" || !int.TryParse(parts[1], out var iterations)) return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
