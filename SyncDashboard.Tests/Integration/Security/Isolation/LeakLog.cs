using SyncDashboard.Tests.Integration.Security.Surface;

namespace SyncDashboard.Tests.Integration.Security.Isolation;

/// <summary>
/// What the attacker got: every answer is checked for the victim's markers (ids, e-mail addresses, titles, secrets)
/// that the request did not itself contain, and answers to a request for the victim's things for the refusal the
/// route owes. Counts requests and endpoints for the summary.
/// </summary>
public sealed class LeakLog(UserResources victim)
{
    private readonly HashSet<string> _endpoints = new(StringComparer.Ordinal);

    public List<string> Leaks { get; } = [];
    public int Requests { get; private set; }
    public int Endpoints => _endpoints.Count;

    /// <summary>One more request (or hub call) checked.</summary>
    public void Count() => Requests++;

    /// <summary>An HTTP endpoint (method and route) the sweep went over.</summary>
    public void Endpoint(string route) => _endpoints.Add(route);

    /// <summary>
    /// Records the answer of <paramref name="request"/>; <paramref name="refusal"/> is what it must be, when it must be
    /// refused. <paramref name="guessed"/>: an id of another kind was put in each slot, and a 400 for one that is malformed
    /// there (an e-mail address where Notion wants a UUID) refuses it too.
    /// </summary>
    public void Check(SurfaceRequest request, SurfaceResponse response, Refusal? refusal, bool guessed = false)
    {
        Count();
        CheckText(request.ToString(), request.Text, response.Body + "\n" + response.Location, response.Status);
        var refused = refusal switch
        {
            null or Refusal.NoneNeeded => true,
            Refusal.Status => response.Status is 401 or 403 or 404 || (guessed && response.Status == 400),
            Refusal.ErrorRedirect => response.Status is >= 300 and < 400 && response.IsErrorRedirect,
            _ => false,
        };
        if (!refused)
            Leaks.Add($"{request} answered {response.Status}{(response.Location is { } l ? " → " + l : "")}, not the {refusal} refusal owed for the victim's ids");
    }

    /// <summary>
    /// A leak when <paramref name="answer"/> shows a marker of the victim's that <paramref name="asked"/> did not contain
    /// (compared without dashes: Notion echoes an id it was given without them in its dashed form).
    /// </summary>
    public void CheckText(string what, string asked, string answer, int? status = null)
    {
        if (status >= 500) Leaks.Add($"{what} answered {status}");
        var askedPlain = asked.Replace("-", "");
        foreach (var marker in victim.Markers.Where(m => answer.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            if (!askedPlain.Contains(marker.Replace("-", ""), StringComparison.OrdinalIgnoreCase)) Leaks.Add($"{what} answered with the victim's \"{marker}\"");
        }
    }
}
