using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SyncDashboard.Emulators.People;

namespace SyncDashboard.Emulators.Notion;

/// <summary>OAuth for the public integration (contract §12): consent page, token (code and refresh grants), revoke, introspect.</summary>
internal static class NotionOAuthEndpoints
{
    /// <summary>The longest address the consent decision sends the browser back to.</summary>
    private const int MaxRedirectLength = 8192;

    public static void Map(IEndpointRouteBuilder v1, IEndpointRouteBuilder root, string prefix)
    {
        var oauth = v1.MapGroup("/oauth").AddEndpointFilter(new NotionRequestFilter(prefix, api: false));

        oauth.MapGet("/authorize", (HttpContext ctx, NotionEmulator e) =>
        {
            var q = ctx.Request.Query;
            if (q["client_id"] != e.Options.ClientId) return Page("Error", "<p>Unknown client_id.</p>", 400);
            if (q["response_type"] != "code") return Page("Error", "<p>response_type must be <code>code</code>.</p>", 400);
            if (string.IsNullOrEmpty(q["redirect_uri"])) return Page("Error", "<p>redirect_uri is required by the emulator.</p>", 400);
            var visitor = Visitor.Of(ctx);
            if (visitor.MustSignIn) return visitor.SignIn();
            return Page("Notion — connect " + e.Options.IntegrationName, NotionHtml.ConsentForm(e, ConsentWorkspace(visitor, e), prefix, q["redirect_uri"]!, q["state"]));
        });

        // The consent form posts here (stands for Notion's own UI, hence no antiforgery: it is an "external site";
        // in the app the SameSite=Lax sign-in cookie names the person, so another site cannot consent for them).
        root.MapPost("/_emulator/ui/oauth/decide", async (HttpContext ctx, NotionEmulator e) =>
        {
            var visitor = Visitor.Of(ctx);
            if (visitor.MustSignIn) return Page("Sign in first", "<p>Sign in to SyncDashboard first: the emulated workspaces belong to its users.</p>", 401);
            if (await MalformedInput.ReadFormAsync(ctx.Request) is not { } form) return Page("Error", "<p>The request body is not a form.</p>", 400);
            var redirect = form["redirect_uri"].ToString();
            // Notion sends the browser only to an absolute http(s) URL, written so a Location header can carry it.
            if (!Uri.TryCreate(redirect, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
                return Page("Error", "<p>redirect_uri must be an absolute http or https URL.</p>", 400);
            redirect = target.AbsoluteUri;
            var state = form["state"].ToString();
            var query = new StringBuilder(redirect.Contains('?') ? "&" : "?");
            if (form["action"] != "allow")
                query.Append("error=access_denied");
            else
            {
                var workspaceId = NotionIds.Normalize(form["workspace_id"].ToString());
                if (workspaceId is null || !(visitor.SingleTenant ? e.Workspaces : e.WorkspacesOf(visitor.Person!.Key)).Any(w => w.Id == workspaceId))
                    return Page("Not your workspace", "<p>That workspace is not yours.</p>", 403);
                var code = e.AuthorizeOAuth(workspaceId, form["database"].Select(x => x ?? ""), redirect);
                query.Append("code=").Append(Uri.EscapeDataString(code));
            }
            if (state.Length > 0) query.Append("&state=").Append(Uri.EscapeDataString(state));
            // A Location header of any length is more than browsers (and our own server's header limit) take.
            if (redirect.Length + query.Length > MaxRedirectLength)
                return Page("Error", $"<p>redirect_uri and state together must stay under {MaxRedirectLength} characters.</p>", 400);
            return Results.Redirect(redirect + query);
        }).DisableAntiforgery();

        oauth.MapPost("/token", async (HttpContext http, NotionEmulator e) =>
        {
            RequireClient(http, e);
            var body = await NotionRequestFilter.ReadBodyAsync(http.Request);
            var requestId = NotionRequestFilter.RequestId(http);
            return body["grant_type"]?.GetValue<string>() switch
            {
                "authorization_code" => Results.Json(e.ExchangeCode(body["code"]?.GetValue<string>(), body["redirect_uri"]?.GetValue<string>(), requestId)),
                "refresh_token" => Results.Json(e.Refresh(body["refresh_token"]?.GetValue<string>(), requestId)),
                var other => throw new NotionApiException(400, "invalid_request", $"Unsupported grant_type: {other}."),
            };
        });

        oauth.MapPost("/revoke", async (HttpContext http, NotionEmulator e) =>
        {
            RequireClient(http, e);
            var body = await NotionRequestFilter.ReadBodyAsync(http.Request);
            e.RevokeIssuedToken(body["token"]?.GetValue<string>() ?? "");
            return NotionRequestFilter.Json(new JsonObject { ["request_id"] = NotionRequestFilter.RequestId(http) });
        });

        oauth.MapPost("/introspect", async (HttpContext http, NotionEmulator e) =>
        {
            RequireClient(http, e);
            var body = await NotionRequestFilter.ReadBodyAsync(http.Request);
            var (active, iat) = e.Introspect(body["token"]?.GetValue<string>());
            var result = new JsonObject { ["active"] = active };
            if (iat is { } t) result["iat"] = t.ToUnixTimeSeconds();
            return NotionRequestFilter.Json(result);
        });
    }

    /// <summary>The workspace the consent page offers: the signed-in person's own, or the first one when single-tenant.</summary>
    private static NotionWorkspaceInfo? ConsentWorkspace(Visitor visitor, NotionEmulator e) =>
        visitor.Person is { } person ? e.EnsureWorkspaceOf(person) : e.Workspaces.FirstOrDefault();

    /// <summary>Authorization: Basic base64(client_id:client_secret).</summary>
    private static void RequireClient(HttpContext http, NotionEmulator e)
    {
        var header = http.Request.Headers.Authorization.ToString();
        string? id = null, secret = null;
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':');
                if (colon > 0) (id, secret) = (decoded[..colon], decoded[(colon + 1)..]);
            }
            catch (FormatException) { }
        }
        if (!e.CheckClient(id, secret)) throw new NotionApiException(401, "unauthorized", "Invalid client credentials.");
    }

    internal static IResult Page(string title, string body, int status = 200) =>
        Results.Content(NotionHtml.Layout(title, body), "text/html; charset=utf-8", statusCode: status);
}
