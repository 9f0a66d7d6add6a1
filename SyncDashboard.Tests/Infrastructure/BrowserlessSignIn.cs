using System.Text.RegularExpressions;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>Signs in through the real forms over HTTP, antiforgery token included, as a browser would.</summary>
public static partial class BrowserlessSignIn
{
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public static class SignedInBrowser
{
    /// <summary>A cookie-keeping client signed in through the sign-in form, that does not follow redirects.</summary>
    public static async Task<HttpClient> SignInAsync(this AppHost app, TestUser user)
    {
        var browser = app.CreateClient();
        using var signIn = await BrowserlessSignIn.PostFormAsync(browser, "/account/login", "/account/login", new()
        {
            ["Email"] = user.Email, ["Password"] = TestUser.Password,
        });
        if (signIn.Headers.Location?.OriginalString != "/") throw new InvalidOperationException($"Sign-in of {user.Email} went to {signIn.Headers.Location}.");
        return browser;
    }
}
