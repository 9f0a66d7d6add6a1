using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Core.Security;

/// <summary>
/// AES-256-GCM: <c>keyId:base64(nonce ‖ ciphertext ‖ tag)</c>. The key id is bound as associated data, so a value
/// cannot be relabelled to another key.
/// </summary>
internal sealed class AesGcmTokenProtector : ITokenProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly string _activeKeyId;
    private readonly Dictionary<string, byte[]> _keys;

    public AesGcmTokenProtector(IOptions<TokenProtectionOptions> options)
    {
        var o = options.Value;
        _keys = o.Keys.ToDictionary(k => k.Key, k => DecodeKey(k.Key, k.Value));
        if (!_keys.ContainsKey(o.ActiveKeyId))
            throw new InvalidOperationException($"TokenProtection:Keys has no key '{o.ActiveKeyId}' named by TokenProtection:ActiveKeyId.");
        _activeKeyId = o.ActiveKeyId;
    }

    public string Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKeyId], TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(_activeKeyId));
        return $"{_activeKeyId}:{Convert.ToBase64String(output)}";
    }

    public string Unprotect(string sealedValue)
    {
        var sep = sealedValue.IndexOf(':');
        if (sep <= 0) throw new CryptographicException("The protected value has no key id.");
        var keyId = sealedValue[..sep];
        if (!_keys.TryGetValue(keyId, out var key))
            throw new CryptographicException($"The protected value was sealed with key '{keyId}', which is not configured.");
        var data = Convert.FromBase64String(sealedValue[(sep + 1)..]);
        if (data.Length < NonceSize + TagSize) throw new CryptographicException("The protected value is truncated.");
        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, plain.Length), data.AsSpan(NonceSize + plain.Length), plain, Encoding.UTF8.GetBytes(keyId));
        return Encoding.UTF8.GetString(plain);
    }

    public bool IsSealedWithActiveKey(string sealedValue) => sealedValue.StartsWith(_activeKeyId + ":", StringComparison.Ordinal);

    private static byte[] DecodeKey(string id, string base64)
    {
        byte[] key;
        try { key = Convert.FromBase64String(base64); }
        catch (FormatException) { throw new InvalidOperationException($"TokenProtection:Keys:{id} is not base64."); }
        if (key.Length != 32) throw new InvalidOperationException($"TokenProtection:Keys:{id} must be 32 bytes (AES-256), not {key.Length}.");
        return key;
    }
}
