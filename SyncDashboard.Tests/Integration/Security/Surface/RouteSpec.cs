using System.Text.Json.Nodes;

namespace SyncDashboard.Tests.Integration.Security.Surface;

/// <summary>Who sends a request: nobody, the user's API token, or the user's signed-in browser session.</summary>
public enum Caller { Anonymous, Token, Cookie }

/// <summary>How a route turns away a request for somebody else's thing.</summary>
public enum Refusal
{
    /// <summary>401, 403 or 404.</summary>
    Status,
    /// <summary>A redirect whose query carries an error (the sign-in forms and OAuth callbacks answer browsers so).</summary>
    ErrorRedirect,
    /// <summary>The ids it takes are hints (a consent page's <c>login_hint</c>): it answers, and must only not show them.</summary>
    NoneNeeded,
}

/// <summary>
/// How to exercise one route: which caller, what to put into its route values, query, body and headers for an
/// <see cref="Aim"/>, so that the result is a valid request (the fuzzer bends it from there; the isolation suite aims
/// it at somebody else's ids).
/// </summary>
public sealed record RouteSpec(string Method, string Pattern)
{
    public string Key => $"{Method} {Pattern}";
    public Caller Caller { get; init; } = Caller.Token;
    public Func<Aim, IReadOnlyList<KeyValuePair<string, string>>> RouteValues { get; init; } = _ => [];
    public Func<Aim, IReadOnlyList<KeyValuePair<string, string>>> Query { get; init; } = _ => [];
    public Func<Aim, JsonObject>? Json { get; init; }
    public Func<Aim, IReadOnlyList<KeyValuePair<string, string>>>? Form { get; init; }
    /// <summary>The page whose antiforgery token a form post carries.</summary>
    public string? AntiforgeryPage { get; init; }
    /// <summary>Headers for the final body (a signature covers the exact bytes).</summary>
    public Func<Aim, byte[], IReadOnlyList<KeyValuePair<string, string>>> Headers { get; init; } = (_, _) => [];
    /// <summary>A valid request ends the caller's session, so the fuzzer sends it last.</summary>
    public bool EndsSession { get; init; }
    public Refusal Refusal { get; init; } = Refusal.Status;
    /// <summary>How many hostile values the fuzzer tries per field; fewer where each request costs a password hash.</summary>
    public int ValuesPerField { get; init; } = 10;

    public static KeyValuePair<string, string> P(string key, string value) => new(key, value);
}
