using System.Security.Claims;

namespace SyncDashboard.Web.Infrastructure;

public static class UserIdExtensions
{
    /// <summary>The signed-in user's id; every query in the app is scoped by it.</summary>
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("The request is not authenticated as a SyncDashboard user.");
}
