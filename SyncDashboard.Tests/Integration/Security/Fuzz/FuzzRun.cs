using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Security.Surface;

namespace SyncDashboard.Tests.Integration.Security.Fuzz;

/// <summary>
/// Sends each request and checks it: never a 5xx, and a rejected one (4xx, or a redirect that reports an error) leaves
/// the user's data exactly as it was, by digests taken just before and just after it.
/// </summary>
public sealed class FuzzRun(AppHost app, Guid userId, SurfaceClient client, DatabaseVersion version)
{
    private readonly Dictionary<string, int> _perRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _timePerRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rejectedPerRoute = new(StringComparer.Ordinal);
    private UserDataDigest? _digest;
    private long _digestVersion = -1;

    public List<FuzzProblem> ServerErrors { get; } = [];
    public List<FuzzProblem> StateChanges { get; } = [];
    public List<FuzzProblem> TransportErrors { get; } = [];
    public int Requests { get; private set; }
    /// <summary>Time spent taking digests, apart from the requests themselves.</summary>
    public TimeSpan DigestTime { get; private set; }
    public int Rejected { get; private set; }
    public IReadOnlyDictionary<string, int> PerRoute => _perRoute;
    public IReadOnlyDictionary<string, TimeSpan> TimePerRoute => _timePerRoute;
    public int RejectedOn(string route) => _rejectedPerRoute.GetValueOrDefault(route);

    public async Task SendAsync(RequestParts parts)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try { await SendAndCheckAsync(parts); }
        finally
        {
            var route = parts.Spec.Key;
            _timePerRoute[route] = _timePerRoute.GetValueOrDefault(route) + System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
    }

    private async Task SendAndCheckAsync(RequestParts parts)
    {
        var request = parts.Build();
        var before = await DigestAsync();
        Requests++;
        _perRoute[request.Route] = _perRoute.GetValueOrDefault(request.Route) + 1;
        SurfaceResponse response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException ex) when (request.Variant.Contains("bytes", StringComparison.Ordinal))
        {
            // The server may answer an oversized upload and close the connection before the client has sent it all.
            await CheckUnchangedAsync(before, request, $"connection closed ({ex.Message})");
            return;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            TransportErrors.Add(new(request.Route, ex.GetType().Name,
                $"{request}: {(ex as HttpRequestException)?.HttpRequestError} {ex.Message} {ex.InnerException?.Message}"));
            return;
        }

        if (response.IsServerError) ServerErrors.Add(new(request.Route, response.Status.ToString(), $"{request}: {Clip(response.Body)}"));
        if (response.IsRejected)
        {
            await CheckUnchangedAsync(before, request, $"answered {response.Status}{(response.Location is { } l ? " → " + l : "")}");
        }
    }

    private async Task CheckUnchangedAsync(UserDataDigest before, SurfaceRequest request, string answer)
    {
        Rejected++;
        _rejectedPerRoute[request.Route] = _rejectedPerRoute.GetValueOrDefault(request.Route) + 1;
        var after = await DigestAsync();
        if (!after.SameAs(before)) StateChanges.Add(new(request.Route, "state change", $"{request} {answer} but changed: {after.DifferenceFrom(before)}"));
    }

    /// <summary>The user's data now: the last digest while nothing was committed since it, else a new one.</summary>
    private async Task<UserDataDigest> DigestAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var now = version.Read(); // before the digest: a commit during it moves the version again, and the next call looks
        if (_digest is null || now != _digestVersion)
        {
            _digest = await UserDataDigest.TakeAsync(app, userId);
            _digestVersion = now;
        }
        DigestTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return _digest;
    }

    private static string Clip(string s) => s.Length <= 300 ? s : s[..300] + "…";
}

/// <summary>One thing that went wrong; reports group them by route and kind, with the first example of each.</summary>
public sealed record FuzzProblem(string Route, string Kind, string Example)
{
    public static string Report(IEnumerable<FuzzProblem> problems) => string.Join("\n", problems
        .GroupBy(p => (p.Route, p.Kind))
        .Select(g => $"{g.Count(),5} × {g.Key.Kind} on {g.Key.Route}, e.g. {g.First().Example}"));
}
