using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace SyncDashboard.Emulators.Google.Http;

/// <summary>The HTML of the emulated "Sign in with Google" consent screen and its error page.</summary>
internal static class ConsentPage
{
    private static readonly string[] Carried =
        ["client_id", "redirect_uri", "response_type", "scope", "state", "access_type", "code_challenge",
         "code_challenge_method", "prompt", "include_granted_scopes"];

    /// <param name="accounts">The visitor's accounts; with more than one, the page asks which to use.</param>
    public static string Render(string appName, IReadOnlyList<string> accounts, string email, IReadOnlyDictionary<string, string> p, string action)
    {
        var h = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Sign in - Google Accounts (emulator)</title>")
            .Append("<style>body{font-family:sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;overflow-wrap:anywhere}button{margin-right:1rem;padding:.5rem 1.5rem}</style>")
            .Append("</head><body><h1>Google (emulator)</h1>")
            .Append($"<p><strong>{h.Encode(appName)}</strong> wants to access your Google Account</p>")
            .Append($"<p>Signed in as <strong id=\"account\">{h.Encode(email)}</strong></p><p>This will allow it to:</p><ul>");
        foreach (var scope in p["scope"].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append($"<li><code>{h.Encode(scope)}</code></li>");
        }
        html.Append($"</ul><form method=\"post\" action=\"{h.Encode(action)}\">");
        if (accounts.Count > 1)
        {
            html.Append("<fieldset><legend>Choose an account</legend>");
            foreach (var account in accounts)
            {
                var check = account == email ? " checked" : "";
                html.Append($"<label><input type=\"radio\" name=\"email\" value=\"{h.Encode(account)}\"{check}> {h.Encode(account)}</label><br>");
            }
            html.Append("</fieldset>");
        }
        else
        {
            html.Append($"<input type=\"hidden\" name=\"email\" value=\"{h.Encode(email)}\">");
        }
        foreach (var name in Carried)
        {
            if (p.TryGetValue(name, out var value))
            {
                html.Append($"<input type=\"hidden\" name=\"{name}\" value=\"{h.Encode(value)}\">");
            }
        }
        html.Append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>")
            .Append("<button type=\"submit\" name=\"decision\" value=\"allow\" id=\"allow\">Allow</button>")
            .Append("</form></body></html>");
        return html.ToString();
    }

    public static IResult ErrorPage(int status, string error, string description)
    {
        var h = HtmlEncoder.Default;
        var html = $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Error {status}: {h.Encode(error)}</title></head>"
                   + $"<body><h1>Access blocked: authorization error</h1><p>Error {status}: {h.Encode(error)}</p>"
                   + $"<p>{h.Encode(description)}</p></body></html>";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode: status);
    }
}
