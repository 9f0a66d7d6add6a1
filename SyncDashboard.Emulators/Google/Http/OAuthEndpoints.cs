using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using SyncDashboard.Emulators.People;

namespace SyncDashboard.Emulators.Google.Http;

/// <summary>
/// Google's OAuth 2.0 web-server flow: consent page, token endpoint (code and refresh grants) and revoke.
/// The POST endpoints stand for Google's own site, so they take no antiforgery token.
/// </summary>
internal static class OAuthEndpoints
{
    private const int MaxStateLength = 4096;

    public static void Map(RouteGroupBuilder oauth, string prefix)
    {
        oauth.MapGet("/o/oauth2/v2/auth", (HttpContext ctx, GoogleEmulator emu) =>
            Consent(ctx, emu, prefix, ctx.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString())));
        oauth.MapPost("/o/oauth2/v2/auth", Decide).DisableAntiforgery();
        oauth.MapPost("/token", Token).DisableAntiforgery();
        oauth.MapPost("/revoke", async (HttpContext ctx, GoogleEmulator emu) =>
        {
            var form = await MalformedInput.ReadFormAsync(ctx.Request);
            var token = ctx.Request.Query["token"].FirstOrDefault() ?? form?["token"].FirstOrDefault();
            return token is not null && emu.Revoke(token)
                ? Results.Ok()
                : Results.Json(new Wire.OAuthError("invalid_token", "Token expired or revoked"), statusCode: 400);
        }).DisableAntiforgery();
    }

    /// <summary>Google's account chooser and consent, for the signed-in person's own accounts only.</summary>
    private static IResult Consent(HttpContext ctx, GoogleEmulator emu, string prefix, Dictionary<string, string> p)
    {
        if (Validate(emu, p) is { } error) { return error; }
        var visitor = Visitor.Of(ctx);
        if (visitor.MustSignIn) { return visitor.SignIn(); }
        var accounts = emu.AccountsFor(visitor);
        var email = p.GetValueOrDefault("login_hint")?.Trim().ToLowerInvariant() is { } hint && accounts.Contains(hint)
            ? hint : visitor.SingleTenant ? emu.DefaultAccountEmail : accounts[0];
        return Results.Content(ConsentPage.Render(emu.Options.AppName, visitor.SingleTenant ? [email] : accounts, email, p, $"{prefix}/o/oauth2/v2/auth"),
            "text/html; charset=utf-8");
    }


    private static async Task<IResult> Decide(HttpContext ctx, GoogleEmulator emu)
    {
        if (await MalformedInput.ReadFormAsync(ctx.Request) is not { } form)
        {
            return ConsentPage.ErrorPage(400, "invalid_request", "The request body is not a form.");
        }
        var p = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        if (Validate(emu, p) is { } error) { return error; }
        var visitor = Visitor.Of(ctx);
        if (visitor.MustSignIn)
        {
            return ConsentPage.ErrorPage(401, "access_denied", "Sign in to SyncDashboard first: the emulated Google accounts belong to its users.");
        }
        var redirect = p["redirect_uri"];
        var back = new Dictionary<string, StringValues>();
        if (p.GetValueOrDefault("decision") == "allow")
        {
            var scopes = p["scope"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var accounts = emu.AccountsFor(visitor);
            var chosen = p.GetValueOrDefault("email")?.Trim().ToLowerInvariant();
            if (!visitor.SingleTenant && (chosen is null || !accounts.Contains(chosen)))
            {
                return ConsentPage.ErrorPage(403, "access_denied", "That Google account is not yours.");
            }
            var email = chosen is not null && accounts.Contains(chosen) ? chosen : emu.DefaultAccountEmail;
            back["code"] = emu.CreateAuthorizationCode(email, scopes,
                redirect, p.GetValueOrDefault("access_type") == "offline",
                p.GetValueOrDefault("code_challenge") is { Length: > 0 } c ? c : null,
                p.GetValueOrDefault("code_challenge_method") is { Length: > 0 } m ? m : null);
            back["scope"] = string.Join(' ', scopes);
        }
        else
        {
            back["error"] = "access_denied";
        }
        if (p.GetValueOrDefault("state") is { } state) { back["state"] = state; }
        // AbsoluteUri: Validate accepts any absolute URL, which may hold characters a Location header cannot.
        return Results.Redirect(QueryHelpers.AddQueryString(new Uri(redirect).AbsoluteUri, back));
    }

    private static IResult? Validate(GoogleEmulator emu, Dictionary<string, string> p)
    {
        if (p.GetValueOrDefault("client_id") != emu.Options.ClientId)
        {
            return ConsentPage.ErrorPage(401, "invalid_client", "The OAuth client was not found.");
        }
        var redirect = p.GetValueOrDefault("redirect_uri");
        var allowed = emu.Options.RedirectUris.Count > 0
            ? emu.Options.RedirectUris.Contains(redirect ?? "")
            : Uri.TryCreate(redirect, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
        if (!allowed)
        {
            return ConsentPage.ErrorPage(400, "redirect_uri_mismatch",
                $"The redirect URI in the request, {redirect}, does not match the ones authorized for the OAuth client.");
        }
        // The state comes back in the redirect's Location header; Google refuses overlong requests, and an answer with a
        // 100 kB header is one no client reads.
        foreach (var echoed in new[] { "state", "scope", "redirect_uri" })
        {
            // The scope and redirect URI come back in the same header as the state.
            if (p.GetValueOrDefault(echoed) is { Length: > MaxStateLength })
            {
                return ConsentPage.ErrorPage(400, "invalid_request", $"The {echoed} parameter is longer than {MaxStateLength} characters.");
            }
        }
        if (p.GetValueOrDefault("response_type") != "code" || string.IsNullOrWhiteSpace(p.GetValueOrDefault("scope")))
        {
            return ConsentPage.ErrorPage(400, "invalid_request", "Required parameter is missing: response_type or scope.");
        }
        return null;
    }

    private static async Task<IResult> Token(HttpContext ctx, GoogleEmulator emu)
    {
        if (!ctx.Request.HasFormContentType)
        {
            return OAuthError(400, "invalid_request", "Request must be application/x-www-form-urlencoded.");
        }
        if (await MalformedInput.ReadFormAsync(ctx.Request) is not { } form)
        {
            return OAuthError(400, "invalid_request", "The request body is not a readable form.");
        }
        var (clientId, secret) = ClientCredentials(ctx.Request, form);
        if (!emu.IsValidClient(clientId, secret))
        {
            return OAuthError(401, "invalid_client", "Unauthorized");
        }
        ctx.Response.Headers.CacheControl = "no-cache, no-store, max-age=0, must-revalidate";
        return form["grant_type"].ToString() switch
        {
            "authorization_code" => GoogleHttp.Json(emu.ExchangeCode(form["code"].ToString(),
                form["redirect_uri"].FirstOrDefault(), form["code_verifier"].FirstOrDefault())),
            "refresh_token" => GoogleHttp.Json(emu.Refresh(form["refresh_token"].ToString())),
            _ => OAuthError(400, "unsupported_grant_type", "Invalid grant_type: " + form["grant_type"]),
        };
    }

    private static (string?, string?) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())).Split(':', 2);
                if (pair.Length == 2) { return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])); }
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }
        return (form["client_id"].FirstOrDefault(), form["client_secret"].FirstOrDefault());
    }

    private static IResult OAuthError(int status, string error, string description) =>
        Results.Json(new Wire.OAuthError(error, description), statusCode: status);
}
