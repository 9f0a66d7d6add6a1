using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SyncDashboard.Emulators.Notion;

/// <summary>
/// The "Notion side" demo page: a person edits pages here and watches the app follow. Plain forms posting to
/// {prefix}/_emulator/ui/...; no antiforgery because this page stands for an external site (notion.so), not our app.
/// </summary>
internal static class NotionDemoPage
{
    public static void Map(IEndpointRouteBuilder root, string prefix)
    {
        root.MapGet("/", (NotionEmulator e) => NotionOAuthEndpoints.Page("Notion side", Render(e, prefix)));

        var ui = root.MapGroup("/_emulator/ui/pages").DisableAntiforgery();
        ui.MapPost("/", async (HttpRequest req, NotionEmulator e) => await Do(req, prefix, form =>
            e.CreatePageAsUser(form["database_id"].ToString(), FormProperties(e.SchemaOf(form["database_id"].ToString()), form))));
        ui.MapPost("/{id}", async (string id, HttpRequest req, NotionEmulator e) => await Do(req, prefix, form =>
            e.UpdatePageAsUser(id, FormProperties(e.SchemaOf(e.GetPageSnapshot(id).DatabaseId), form))));
        ui.MapPost("/{id}/trash", async (string id, HttpRequest req, NotionEmulator e) => await Do(req, prefix, _ => e.TrashPageAsUser(id)));
        ui.MapPost("/{id}/restore", async (string id, HttpRequest req, NotionEmulator e) => await Do(req, prefix, _ => e.RestorePageAsUser(id)));
    }

    private static async Task<IResult> Do(HttpRequest req, string prefix, Action<IFormCollection> action)
    {
        var form = await req.ReadFormAsync();
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

    private static string Render(NotionEmulator e, string prefix)
    {
        var sb = new StringBuilder();
        var stats = e.GetStats();
        sb.Append($"<p>API requests: {stats.TotalRequests} · 429s: {stats.RateLimited429s} · Retry-After violations: {stats.RateLimitViolations} · webhook deliveries: {stats.WebhookDeliveriesSucceeded}/{stats.WebhookDeliveryAttempts}</p>");
        foreach (var db in e.Databases)
        {
            var schema = e.SchemaOf(db.Id);
            var title = schema.First(p => p.Type == "title").Name;
            sb.Append($"<h2>{NotionHtml.E(db.Title)}</h2><table><tr><th>{NotionHtml.E(title)}</th><th>Date</th><th>Location</th><th>Last edited</th><th></th></tr>");
            foreach (var page in e.ListPages(db.Id))
            {
                var action = $"{NotionHtml.E(prefix)}/_emulator/ui/pages/{page.Id}";
                sb.Append($"<tr class=\"{(page.InTrash ? "trashed" : "")}\"><td>{NotionHtml.E(page.Text(title))}</td>");
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

    private static string Describe(JsonNode? value) => value switch
    {
        null => "",
        JsonArray => NotionRichText.PlainText(value),
        JsonObject o when o.ContainsKey("start") => o["end"] is null ? $"{o["start"]}" : $"{o["start"]} → {o["end"]}",
        _ => value.ToJsonString(),
    };
}
