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
