using System.Net;
using System.Text;

namespace SyncDashboard.Emulators.Notion;

/// <summary>Server-rendered HTML for the consent page and the "Notion side" demo page.</summary>
internal static class NotionHtml
{
    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string Layout(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{E(title)}}</title>
        <style>
          body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #37352f; overflow-wrap: anywhere; }
          table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
          td, th { border-bottom: 1px solid #e9e9e7; padding: .3rem .5rem; text-align: left; vertical-align: top; }
          .trashed { color: #9b9a97; text-decoration: line-through; }
          tr:target, h2:target { background: #fbf3db; outline: 2px solid #dfab01; }
          fieldset { border: 1px solid #e9e9e7; margin-bottom: 1rem; min-width: 0; }
          input, label { max-width: 100%; box-sizing: border-box; }
          label { display: inline-block; min-width: 8rem; }
          .banner { background: #f7f6f3; padding: .5rem 1rem; border-radius: 4px; }
        </style></head>
        <body><p class="banner">Notion emulator — stands for notion.so</p><h1>{{E(title)}}</h1>{{body}}</body></html>
        """;

    public static string ConsentForm(NotionEmulator e, NotionWorkspaceInfo? ws, string prefix, string redirectUri, string? state)
    {
        if (ws is null) return "<p>No workspace exists yet.</p>";
        var sb = new StringBuilder();
        sb.Append($"<form method=\"post\" action=\"{E(prefix)}/_emulator/ui/oauth/decide\">");
        sb.Append($"<p><strong>{E(e.Options.IntegrationName)}</strong> wants to access the workspace <strong>{E(ws.Name)}</strong>.</p>");
        sb.Append("<p>Databases to share:</p><ul>");
        foreach (var db in e.Databases.Where(d => d.WorkspaceId == ws.Id))
            sb.Append($"<li><label><input type=\"checkbox\" name=\"database\" value=\"{db.Id}\" checked> {E(db.Title)}</label></li>");
        sb.Append("</ul>");
        sb.Append($"<input type=\"hidden\" name=\"workspace_id\" value=\"{ws.Id}\">");
        sb.Append($"<input type=\"hidden\" name=\"redirect_uri\" value=\"{E(redirectUri)}\">");
        sb.Append($"<input type=\"hidden\" name=\"state\" value=\"{E(state)}\">");
        sb.Append("<button type=\"submit\" name=\"action\" value=\"allow\">Allow access</button> ");
        sb.Append("<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button></form>");
        return sb.ToString();
    }

    /// <summary>One input per supported schema property; names are "p:{property}" (dates: "p:{property}:start|end").</summary>
    public static string PropertyInputs(IReadOnlyList<PropertySchemaState> schema, NotionPageSnapshot? page)
    {
        var sb = new StringBuilder();
        foreach (var p in schema)
        {
            var name = E("p:" + p.Name);
            var value = page?.Values.GetValueOrDefault(p.Name);
            sb.Append($"<div><label>{E(p.Name)} <small>({E(p.Type)})</small></label> ");
            switch (p.Type)
            {
                case "title" or "rich_text":
                    sb.Append($"<input name=\"{name}\" size=\"40\" value=\"{E(NotionRichText.PlainText(value))}\">");
                    break;
                case "date":
                    sb.Append($"<input name=\"{name}:start\" placeholder=\"2025-03-01 or 2025-03-01T09:00:00+01:00\" size=\"30\" value=\"{E(value?["start"]?.ToString())}\"> – ");
                    sb.Append($"<input name=\"{name}:end\" placeholder=\"end (optional)\" size=\"30\" value=\"{E(value?["end"]?.ToString())}\">");
                    break;
                case "checkbox":
                    sb.Append($"<input type=\"hidden\" name=\"{name}\" value=\"false\"><input type=\"checkbox\" name=\"{name}\" value=\"true\"{(value?.ToString() == "true" ? " checked" : "")}>");
                    break;
                case "select":
                    sb.Append($"<input name=\"{name}\" value=\"{E(value?["name"]?.ToString())}\">");
                    break;
                case "url" or "email" or "phone_number" or "number":
                    sb.Append($"<input name=\"{name}\" value=\"{E(value?.ToString())}\">");
                    break;
                default:
                    sb.Append("<em>not editable here</em>");
                    break;
            }
            sb.Append("</div>");
        }
        return sb.ToString();
    }
}
