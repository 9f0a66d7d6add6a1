using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SyncDashboard.Emulators.Notion;

/// <summary>Token endpoint response (contract §12).</summary>
public sealed record NotionTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("bot_id")] string BotId,
    [property: JsonPropertyName("workspace_id")] string WorkspaceId,
    [property: JsonPropertyName("workspace_name")] string? WorkspaceName,
    [property: JsonPropertyName("workspace_icon")] string? WorkspaceIcon,
    [property: JsonPropertyName("owner")] JsonObject Owner,
    [property: JsonPropertyName("duplicated_template_id")] string? DuplicatedTemplateId,
    [property: JsonPropertyName("request_id")] string RequestId);

public sealed partial class NotionEmulator
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Stable id of the one public (OAuth) integration, derived from its client id.</summary>
    public string PublicIntegrationId => new Guid(MD5.HashData(Encoding.UTF8.GetBytes(Options.ClientId))).ToString("D");

    /// <summary>
    /// What "Allow" on the consent page does: installs the public integration in the workspace (reusing its bot on
    /// re-consent), shares the chosen databases with it, and returns a one-time authorization code.
    /// </summary>
    public string AuthorizeOAuth(string workspaceId, IEnumerable<string> databaseIds, string? redirectUri) => Write(s =>
    {
        var ws = RequireWorkspace(s, workspaceId);
        var conn = s.Connections.FirstOrDefault(c => c.IsPublic && c.WorkspaceId == ws.Id && c.IntegrationId == PublicIntegrationId);
        if (conn is null)
        {
            conn = new ConnectionState
            {
                BotId = NotionIds.NewId(), IntegrationId = PublicIntegrationId, IntegrationName = Options.IntegrationName,
                WorkspaceId = ws.Id, IsPublic = true,
            };
            s.Connections.Add(conn);
        }
        foreach (var id in databaseIds)
            if (s.Databases.FirstOrDefault(d => d.Id == NotionIds.Normalize(id) && d.WorkspaceId == ws.Id) is { } db)
                conn.SharedDatabaseIds.Add(db.Id);
        var code = new TokenState { Value = NotionIds.Random("", 16), Kind = "code", BotId = conn.BotId, RedirectUri = redirectUri, IssuedAt = Clock.GetUtcNow() };
        s.Tokens.Add(code);
        return code.Value;
    });

    internal bool CheckClient(string? clientId, string? clientSecret) =>
        clientId == Options.ClientId && clientSecret == Options.ClientSecret;

    /// <summary>grant_type=authorization_code: a code is used once; redirect_uri must match the one authorized.</summary>
    internal NotionTokenResponse ExchangeCode(string? code, string? redirectUri, string requestId) => Write(s =>
    {
        var grant = s.Tokens.FirstOrDefault(t => t.Kind == "code" && t.Value == code)
            ?? throw NotionApiException.InvalidGrant("Invalid code.");
        s.Tokens.Remove(grant);
        if (Clock.GetUtcNow() - grant.IssuedAt > CodeLifetime) throw NotionApiException.InvalidGrant("Code expired.");
        if (grant.RedirectUri is not null && grant.RedirectUri != redirectUri)
            throw NotionApiException.InvalidGrant("Invalid redirect_uri.");
        return IssueTokens(s, grant.BotId, requestId);
    });

    /// <summary>grant_type=refresh_token: rotates; the old refresh token is dead afterwards (→ invalid_grant).</summary>
    internal NotionTokenResponse Refresh(string? refreshToken, string requestId) => Write(s =>
    {
        var old = s.Tokens.FirstOrDefault(t => t.Kind == "refresh" && t.Value == refreshToken)
            ?? throw NotionApiException.InvalidGrant("Invalid refresh token.");
        s.Tokens.Remove(old);
        return IssueTokens(s, old.BotId, requestId);
    });

    /// <summary>Revokes an access or refresh token; true when it existed. (A control: the person removed the connection.)</summary>
    public bool RevokeToken(string token) => Write(s => s.Tokens.RemoveAll(t => t.Kind != "code" && t.Value == token) > 0);

    /// <summary>
    /// <c>POST /v1/oauth/revoke</c>: the public integration can revoke only what it issued, never an internal
    /// integration's secret, which only its owner can refresh in Notion's settings.
    /// </summary>
    internal bool RevokeIssuedToken(string token) => Write(s =>
    {
        var issuedBots = s.Connections.Where(c => c.IsPublic && c.IntegrationId == PublicIntegrationId).Select(c => c.BotId).ToHashSet();
        return s.Tokens.RemoveAll(t => t.Kind != "code" && t.Value == token && issuedBots.Contains(t.BotId)) > 0;
    });

    internal (bool Active, DateTimeOffset? IssuedAt) Introspect(string? token) => Read(s =>
        s.Tokens.FirstOrDefault(t => t.Kind == "access" && t.Value == token) is { } t ? (true, t.IssuedAt) : (false, (DateTimeOffset?)null));

    private NotionTokenResponse IssueTokens(NotionState s, string botId, string requestId)
    {
        var now = Clock.GetUtcNow();
        var access = new TokenState { Value = NotionIds.Random("ntn_"), Kind = "access", BotId = botId, IssuedAt = now };
        var refresh = new TokenState { Value = NotionIds.Random("nrt_"), Kind = "refresh", BotId = botId, IssuedAt = now };
        s.Tokens.Add(access);
        s.Tokens.Add(refresh);
        var conn = s.Connections.First(c => c.BotId == botId);
        var ws = s.Workspaces.First(w => w.Id == conn.WorkspaceId);
        var owner = new JsonObject
        {
            ["type"] = "user",
            ["user"] = new JsonObject
            {
                ["object"] = "user", ["id"] = ws.UserId, ["name"] = ws.UserName, ["avatar_url"] = null, ["type"] = "person",
                ["person"] = new JsonObject { ["email"] = ws.UserEmail },
            },
        };
        return new NotionTokenResponse(access.Value, "bearer", refresh.Value, botId, ws.Id, ws.Name, null, owner, null, requestId);
    }
}
