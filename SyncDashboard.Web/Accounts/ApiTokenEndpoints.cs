using SyncDashboard.Core.Accounts;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Accounts;

public static class ApiTokenEndpoints
{
    public sealed record CreateTokenRequest(string? Name);

    public static IEndpointRouteBuilder MapApiTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tokens").RequireAuthorization().WithTags("API tokens");
        group.MapGet("/", async (HttpContext http, ApiTokenService tokens) =>
            TypedResults.Ok(await tokens.ListAsync(http.User.GetUserId(), http.RequestAborted)));
        group.MapPost("/", async (CreateTokenRequest body, HttpContext http, ApiTokenService tokens) =>
        {
            var created = await tokens.CreateAsync(http.User.GetUserId(), body.Name, http.RequestAborted);
            return TypedResults.Created($"/api/tokens/{created.Info.Id}", created);
        });
        group.MapDelete("/{id:guid}", async (Guid id, HttpContext http, ApiTokenService tokens) =>
        {
            await tokens.RevokeAsync(http.User.GetUserId(), id, http.RequestAborted);
            return TypedResults.NoContent();
        });
        return app;
    }
}
