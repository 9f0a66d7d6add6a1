using System.Security.Cryptography;
using System.Text;

namespace SyncDashboard.Core.Security;

public static class SecretComparer
{
    /// <summary>Constant-time equality of two secrets; hashing first makes the time independent of their lengths too.</summary>
    public static bool Equal(string expected, string? presented)
    {
        if (presented is null) return false;
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
