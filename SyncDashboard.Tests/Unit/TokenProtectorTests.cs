using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Security;

namespace SyncDashboard.Tests.Unit;

public sealed class TokenProtectorTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static AesGcmTokenProtector Create(string active, params (string Id, string Key)[] keys) =>
        new(Options.Create(new TokenProtectionOptions { ActiveKeyId = active, Keys = keys.ToDictionary(k => k.Id, k => k.Key) }));

    [Fact]
    public void RoundTripsAndNeverContainsThePlaintext()
    {
        var protector = Create("a", ("a", KeyA));
        var sealedValue = protector.Protect("ya29.secret-access-token");
        Assert.DoesNotContain("secret", sealedValue);
        Assert.StartsWith("a:", sealedValue);
        Assert.Equal("ya29.secret-access-token", protector.Unprotect(sealedValue));
    }

    [Fact]
    public void SameInputSealsDifferentlyEachTime()
    {
        var protector = Create("a", ("a", KeyA));
        Assert.NotEqual(protector.Protect("x"), protector.Protect("x"));
    }

    [Fact]
    public void RotatedKeyStillOpensValuesSealedWithTheOldOne()
    {
        var old = Create("a", ("a", KeyA)).Protect("refresh-token");
        var rotated = Create("b", ("a", KeyA), ("b", KeyB));
        Assert.Equal("refresh-token", rotated.Unprotect(old));
        Assert.StartsWith("b:", rotated.Protect("refresh-token"));
    }

    [Fact]
    public void TamperedValueIsRejected()
    {
        var protector = Create("a", ("a", KeyA));
        var sealedValue = protector.Protect("token");
        var bytes = Convert.FromBase64String(sealedValue[2..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("a:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void RelabelledKeyIdIsRejected()
    {
        var protector = Create("a", ("a", KeyA), ("b", KeyA));
        var sealedValue = protector.Protect("token");
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("b" + sealedValue[1..]));
    }

    [Fact]
    public void ShortKeyIsRefusedAtStartWithTheKeyName()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Create("a", ("a", Convert.ToBase64String(new byte[16]))));
        Assert.Contains("TokenProtection:Keys:a", ex.Message);
    }
}
