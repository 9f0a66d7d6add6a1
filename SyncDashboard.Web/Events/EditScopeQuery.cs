using SyncDashboard.Core.Common;
using SyncDashboard.Core.Events;

namespace SyncDashboard.Web.Events;

/// <summary>
/// <c>?scope=this|following|all</c>, read by name only: the framework's enum binding would also take "1" or any casing of
/// a number, and answer a bad value without saying what is allowed.
/// </summary>
public static class EditScopeQuery
{
    public static EditScope? Parse(string? scope) => scope?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "this" => EditScope.This,
        "following" => EditScope.Following,
        "all" => EditScope.All,
        _ => throw new InputValidationException(new Dictionary<string, string[]> { ["scope"] = ["scope must be this, following or all."] }),
    };
}
