namespace SyncDashboard.Core.Security;

/// <summary>Seals secrets (OAuth tokens, channel tokens, webhook keys) for storage; never log either side of it.</summary>
public interface ITokenProtector
{
    string Protect(string plaintext);
    string Unprotect(string sealedValue);
}
