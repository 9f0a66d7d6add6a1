using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SyncDashboard.Emulators.People;

namespace SyncDashboard.Emulators.Notion;

/// <summary>
/// The "Notion side" demo page: a person edits pages here and watches the app follow. In the app it shows only the
/// signed-in person's own workspace, with its integration secret and webhook subscriptions. Plain forms posting to
/// {prefix}/_emulator/ui/...; no antiforgery because this page stands for an external site (notion.so), not our app.
/// </summary>
internal static class NotionDemoPage
{
    /// <summary>Page and database urls live under this segment of the side page (see <see cref="NotionEmulatorOptions.SidePage"/>).</summary>
    public const string PageLinkSegment = "p/";

    /// <summary>The anchor of a page's row or a database's heading, where its url lands.</summary>
    public static string Anchor(string id) => "notion-" + NotionIds.Compact(id);

    public static void Map(IEndpointRouteBuilder root, string prefix)
    {
        // A url as Notion writes them ("Title-words-<32 hex>"): the side page, scrolled to that page or database.
        root.MapGet("/" + PageLinkSegment + "{slug}", (string slug, HttpContext ctx, NotionEmulator e) =>
        {
            var visitor = Visitor.Of(ctx);
            if (visitor.MustSignIn) return visitor.SignIn();
            var id = slug.Length >= 32 ? NotionIds.Normalize(slug[^32..]) : null;
            return id is null || !Owns(visitor, e, e.WorkspaceIdOf(id)) ? NotFound(prefix) : Results.Redirect($"{prefix}/#{Anchor(id)}");
        });

        root.MapGet("/", (HttpContext ctx, NotionEmulator e) =>
        {
            var visitor = Visitor.Of(ctx);
            if (visitor.MustSignIn) return visitor.SignIn();
            var message = ctx.Request.Query["message"].FirstOrDefault();
            return NotionOAuthEndpoints.Page("Notion side", Render(e, prefix, WorkspacesOf(visitor, e), visitor.AppHomeUrl, message));
        });

        var ui = root.MapGroup("/_emulator/ui/pages").DisableAntiforgery();
        ui.MapPost("/", async (HttpContext ctx, NotionEmulator e) => await Do(ctx, e, prefix, form => form["database_id"].ToString(), form =>
            e.CreatePageAsUser(form["database_id"].ToString(), FormProperties(e.SchemaOf(form["database_id"].ToString()), form))));
        ui.MapPost("/{id}", async (string id, HttpContext ctx, NotionEmulator e) => await Do(ctx, e, prefix, _ => id, form =>
            e.UpdatePageAsUser(id, FormProperties(e.SchemaOf(e.GetPageSnapshot(id).DatabaseId), form))));
        ui.MapPost("/{id}/trash", async (string id, HttpContext ctx, NotionEmulator e) => await Do(ctx, e, prefix, _ => id, _ => e.TrashPageAsUser(id)));
        ui.MapPost("/{id}/restore", async (string id, HttpContext ctx, NotionEmulator e) => await Do(ctx, e, prefix, _ => id, _ => e.RestorePageAsUser(id)));

        // The integration's "Webhooks" tab: subscribe a URL (Notion then POSTs the verification token to it), paste the token back to verify.
        var hooks = root.MapGroup("/_emulator/ui/webhooks").DisableAntiforgery();
        hooks.MapPost("/", async (HttpContext ctx, NotionEmulator e) =>
        {
            var visitor = Visitor.Of(ctx, prefix + "/");
            if (visitor.MustSignIn) return visitor.SignIn();
            if (await MalformedInput.ReadFormAsync(ctx.Request) is not { } form) return NotAForm();
            var bot = form["bot_id"].ToString();
            if (!Owns(visitor, e, e.WorkspaceIdOfBot(bot))) return NotFound(prefix);
            try
            {
                var sub = await e.CreateWebhookSubscriptionAsync(form["url"].ToString().Trim(), botId: bot);
                return Back(prefix, sub.VerificationDelivered
                    ? "Subscription created. Notion sent its verification token to the URL: paste it below to verify."
                    : "Subscription created, but the URL did not accept the verification request.");
            }
            catch (ArgumentException ex)
            {
                return Back(prefix, ex.Message);
            }
        });
        hooks.MapPost("/{id}/verify", async (string id, HttpContext ctx, NotionEmulator e) =>
        {
            var visitor = Visitor.Of(ctx, prefix + "/");
            if (visitor.MustSignIn) return visitor.SignIn();
            if (!Owns(visitor, e, e.WorkspaceIdOfSubscription(id))) return NotFound(prefix);
            if (await MalformedInput.ReadFormAsync(ctx.Request) is not { } form) return NotAForm();
            return Back(prefix, e.VerifyWebhook(id, form["verification_token"].ToString().Trim())
                ? "Subscription verified: page changes are sent to it now." : "That is not this subscription's verification token.");
        });
        hooks.MapPost("/{id}/delete", (string id, HttpContext ctx, NotionEmulator e) =>
        {
            var visitor = Visitor.Of(ctx, prefix + "/");
            if (visitor.MustSignIn) return visitor.SignIn();
            if (!Owns(visitor, e, e.WorkspaceIdOfSubscription(id))) return NotFound(prefix);
            e.DeleteWebhook(id);
            return Back(prefix, "Subscription deleted.");
        });
    }

    /// <summary>The visitor's own workspace (made on first visit) first, then those they were invited to.</summary>
    private static IReadOnlyList<NotionWorkspaceInfo> WorkspacesOf(Visitor visitor, NotionEmulator e)
    {
        if (visitor.Person is not { } person) return e.Workspaces;
        var own = e.EnsureWorkspaceOf(person);
        return [own, .. e.WorkspacesOf(person.Key).Where(w => w.Id != own.Id)];
    }

    private static bool Owns(Visitor visitor, NotionEmulator e, string? workspaceId) =>
        workspaceId is not null && WorkspacesOf(visitor, e).Any(w => w.Id == workspaceId);

    private static IResult NotFound(string prefix) => NotionOAuthEndpoints.Page("Not found",
        $"<p>There is no such page, database or subscription in your workspace.</p><p><a href=\"{NotionHtml.E(prefix)}/\">Back</a></p>", 404);

    // Clipped: a message can quote the posted URL, and a Location header of any length is more than browsers take.
    private static IResult Back(string prefix, string message) =>
        Results.Redirect($"{prefix}/?message={Uri.EscapeDataString(message.Length <= 300 ? message : message[..300] + "…")}");

    /// <summary>
    /// Runs a form post as the Notion user, on a database or page of the visitor's own workspace. The app's sign-in
    /// cookie (SameSite=Lax) names the person, so another site cannot post here on their behalf.
    /// </summary>
    private static async Task<IResult> Do(HttpContext ctx, NotionEmulator e, string prefix, Func<IFormCollection, string> target, Action<IFormCollection> action)
    {
        var visitor = Visitor.Of(ctx, prefix + "/");
        if (visitor.MustSignIn) return visitor.SignIn();
        if (await MalformedInput.ReadFormAsync(ctx.Request) is not { } form) return NotAForm();
        if (!Owns(visitor, e, e.WorkspaceIdOf(target(form)))) return NotFound(prefix);
        try
        {
            action(form);
        }
        catch (Exception ex) when (ex is NotionApiException or ArgumentException)
        {
            return NotionOAuthEndpoints.Page("Could not save", $"<p>{NotionHtml.E(ex.Message)}</p><p><a href=\"{NotionHtml.E(prefix)}/\">Back</a></p>", 400);
        }
        return Results.Redirect(prefix + "/");
    }

    private static IResult NotAForm() => NotionOAuthEndpoints.Page("Could not save", "<p>The request body is not a form.</p>", 400);

    private static Dictionary<string, JsonNode?> FormProperties(IReadOnlyList<PropertySchemaState> schema, IFormCollection form)
    {
        var result = new Dictionary<string, JsonNode?>();
        foreach (var p in schema)
        {
            var key = "p:" + p.Name;
            var text = form[key].ToString().Trim();
            JsonNode? value = p.Type switch
            {
                "title" => NotionValues.Title(text),
                "rich_text" => NotionValues.RichText(text),
                "date" when form.ContainsKey(key + ":start") => NotionValues.Date(
                    NullIfEmpty(form[key + ":start"]), NullIfEmpty(form[key + ":end"])),
                "checkbox" when form.ContainsKey(key) => NotionValues.Checkbox(form[key].Contains("true")),
                "select" when form.ContainsKey(key) => NotionValues.Select(NullIfEmpty(text)),
                "url" or "email" or "phone_number" when form.ContainsKey(key) => new JsonObject { [p.Type] = NullIfEmpty(text) },
                "number" when form.ContainsKey(key) => NotionValues.Number(text.Length == 0 ? null
                    : double.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : throw NotionApiException.Validation($"{p.Name} should be a number.")),
                _ => null,
            };
            if (value is not null) result[p.Name] = value;
        }
        return result;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Render(NotionEmulator e, string prefix, IReadOnlyList<NotionWorkspaceInfo> workspaces, string? appHome, string? message)
    {
        var sb = new StringBuilder();
        if (appHome is not null) sb.Append($"<p><a href=\"{NotionHtml.E(appHome)}\" id=\"back-to-app\">&larr; Back to SyncDashboard</a></p>");
        if (message is not null) sb.Append($"<p class=\"banner\" role=\"status\">{NotionHtml.E(message)}</p>");
        var stats = e.GetStats();
        sb.Append($"<p>API requests: {stats.TotalRequests} · 429s: {stats.RateLimited429s} · Retry-After violations: {stats.RateLimitViolations} · webhook deliveries: {stats.WebhookDeliveriesSucceeded}/{stats.WebhookDeliveryAttempts}</p>");
        var ids = workspaces.Select(w => w.Id).ToHashSet();
        foreach (var ws in workspaces)
        {
            sb.Append($"<h2>Workspace: {NotionHtml.E(ws.Name)}</h2>");
            Integrations(sb, e, prefix, ws.Id);
        }
        foreach (var db in e.Databases.Where(d => ids.Contains(d.WorkspaceId)))
        {
            var schema = e.SchemaOf(db.Id);
            var title = schema.First(p => p.Type == "title").Name;
            sb.Append($"<h2 id=\"{Anchor(db.Id)}\">{NotionHtml.E(db.Title)}</h2><table><tr><th>{NotionHtml.E(title)}</th><th>Date</th><th>Location</th><th>Last edited</th><th></th></tr>");
            foreach (var page in e.ListPages(db.Id))
            {
                var action = $"{NotionHtml.E(prefix)}/_emulator/ui/pages/{page.Id}";
                sb.Append($"<tr id=\"{Anchor(page.Id)}\" class=\"{(page.InTrash ? "trashed" : "")}\"><td>{NotionHtml.E(page.Text(title))}</td>");
                sb.Append($"<td>{NotionHtml.E(Describe(page.Values.GetValueOrDefault("Date")))}</td><td>{NotionHtml.E(Describe(page.Values.GetValueOrDefault("Location")))}</td>");
                sb.Append($"<td>{NotionDates.FormatTimestamp(page.LastEditedTime)}</td><td>");
                sb.Append(page.InTrash
                    ? $"<form method=\"post\" action=\"{action}/restore\"><button>Restore</button></form>"
                    : $"<details><summary>Edit</summary><form method=\"post\" action=\"{action}\">{NotionHtml.PropertyInputs(schema, page)}<button>Save</button></form>"
                      + $"<form method=\"post\" action=\"{action}/trash\"><button>Move to trash</button></form></details>");
                sb.Append("</td></tr>");
            }
            sb.Append("</table>");
            sb.Append($"<fieldset><legend>New page in {NotionHtml.E(db.Title)}</legend><form method=\"post\" action=\"{NotionHtml.E(prefix)}/_emulator/ui/pages\">");
            sb.Append($"<input type=\"hidden\" name=\"database_id\" value=\"{db.Id}\">{NotionHtml.PropertyInputs(schema, null)}<button>Create</button></form></fieldset>");
        }
        return sb.ToString();
    }

    /// <summary>What notion.so/my-integrations shows the workspace's owner: each internal integration's secret and its webhook subscriptions.</summary>
    private static void Integrations(StringBuilder sb, NotionEmulator e, string prefix, string workspaceId)
    {
        var hooks = NotionHtml.E(prefix) + "/_emulator/ui/webhooks";
        foreach (var integration in e.InternalIntegrationsOf(workspaceId))
        {
            sb.Append("<fieldset><legend>Internal integration</legend>")
                .Append($"<p>Secret (paste it into SyncDashboard's Settings → Notion): <code data-testid=\"integration-secret\">{NotionHtml.E(integration.Token)}</code></p>");
            foreach (var sub in e.WebhookSubscriptions.Where(w => w.BotId == integration.BotId))
            {
                sb.Append($"<p>Webhook <code>{NotionHtml.E(sub.Url)}</code> — {(sub.Verified ? "verified" : "not verified")}</p>");
                if (!sub.Verified)
                    sb.Append($"<form method=\"post\" action=\"{hooks}/{sub.Id}/verify\"><label>Verification token <input name=\"verification_token\" size=\"40\"></label> <button>Verify</button></form>");
                sb.Append($"<form method=\"post\" action=\"{hooks}/{sub.Id}/delete\"><button>Delete subscription</button></form>");
            }
            sb.Append($"<form method=\"post\" action=\"{hooks}\"><input type=\"hidden\" name=\"bot_id\" value=\"{integration.BotId}\">")
                .Append("<label>Webhook URL <input name=\"url\" size=\"60\" placeholder=\"the URL SyncDashboard's Settings shows\"></label> <button>Create subscription</button></form>")
                .Append("</fieldset>");
        }
    }

    private static string Describe(JsonNode? value) => value switch
    {
        null => "",
        JsonArray => NotionRichText.PlainText(value),
        JsonObject o when o.ContainsKey("start") => o["end"] is null ? $"{o["start"]}" : $"{o["start"]} → {o["end"]}",
        _ => value.ToJsonString(),
    };
}
