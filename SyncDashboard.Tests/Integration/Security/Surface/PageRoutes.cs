using System.Reflection;
using Microsoft.AspNetCore.Components;
using SyncDashboard.Web;

namespace SyncDashboard.Tests.Integration.Security.Surface;

/// <summary>A routable Razor component and the query values it reads (<c>[SupplyParameterFromQuery]</c>).</summary>
public sealed record PageSpec(string Route, Type Component, IReadOnlyList<string> QueryNames);

/// <summary>
/// Every page, found by reflection over the web assembly, and what to put into each query value it reads. A page that
/// reads a query value (or has a route parameter) not named here fails the suites until this says how to fill it.
/// </summary>
public static class PageRoutes
{
    /// <summary>Values of a query name for a user: their ids where the page takes ids, otherwise something the page expects.</summary>
    public static readonly IReadOnlyDictionary<string, Func<UserResources, IReadOnlyList<string>>> QueryValues =
        new Dictionary<string, Func<UserResources, IReadOnlyList<string>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["credential"] = r => [r.GoogleCredentialId.ToString(), r.NotionCredentialId.ToString()],
            ["database"] = r => [r.NotionDataSourceId, r.NotionDatabaseId],
            ["event"] = r => [r.EventId.ToString(), r.SeriesEventId.ToString()],
            ["google"] = _ => ["exchange-failed"],
            ["notion"] = _ => ["exchange-failed"],
            ["error"] = _ => ["invalid"],
            ["minutes"] = _ => ["3"],
            ["returnUrl"] = r => [$"/settings/google?credential={r.GoogleCredentialId}"],
            ["view"] = _ => ["month"],
            ["date"] = _ => ["2026-12-01"],
        };

    public static IReadOnlyList<PageSpec> Discover() =>
        typeof(SyncDashboardApp).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => new PageSpec(r.Template, t, QueryNamesOf(t))))
            .OrderBy(p => p.Route, StringComparer.Ordinal)
            .ToList();

    /// <summary>Why the suites cannot exercise a page, or null when they can.</summary>
    public static string? ProblemWith(PageSpec page) =>
        page.Route.Contains('{') ? $"{page.Route} ({page.Component.Name}) has route parameters; say in PageRoutes how to fill them"
        : page.QueryNames.FirstOrDefault(n => !QueryValues.ContainsKey(n)) is { } unknown
            ? $"{page.Route} ({page.Component.Name}) reads ?{unknown}=; add it to PageRoutes.QueryValues"
        : null;

    private static IReadOnlyList<string> QueryNamesOf(Type component) =>
        component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => x.Attribute!.Name ?? x.Property.Name)
            .ToList();
}
