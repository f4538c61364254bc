using System.Net;
using System.Text;

namespace KxHome.Host.Mail;

/// <summary>
/// The Chinese emails: a greeting, what happened, the facts of the case as lines, and buttons (links). Every value
/// is HTML-encoded: names and comments come from people.
/// </summary>
public static class MailTemplates
{
    public sealed record Button(string Label, string Url, bool Primary = false);

    public static MailMessageText Compose(string toAddress, string toName, string subject, string lead,
        IReadOnlyList<(string Label, string Value)> facts, IReadOnlyList<Button> buttons, string? footnote = null)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(E(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:16px;font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;font-size:15px;color:#1f2937;background:#f5f7fa\">")
            .Append("<div style=\"max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:20px\">")
            .Append("<p>").Append(E(toName)).Append("，您好：</p>")
            .Append("<p>").Append(E(lead)).Append("</p>")
            .Append("<table style=\"width:100%;border-collapse:collapse;margin:12px 0\">");
        foreach (var (label, value) in facts)
        {
            html.Append("<tr><td style=\"padding:6px 8px;color:#6b7280;white-space:nowrap;vertical-align:top\">").Append(E(label))
                .Append("</td><td style=\"padding:6px 8px\">").Append(E(value)).Append("</td></tr>");
        }
        html.Append("</table><p>");
        foreach (var button in buttons)
        {
            var colour = button.Primary ? "#1d4ed8" : "#4b5563";
            html.Append("<a href=\"").Append(E(button.Url)).Append("\" style=\"display:inline-block;margin:4px 8px 4px 0;padding:10px 18px;border-radius:6px;color:#fff;text-decoration:none;background:")
                .Append(colour).Append("\">").Append(E(button.Label)).Append("</a>");
        }
        html.Append("</p>");
        if (footnote is not null) html.Append("<p style=\"color:#6b7280;font-size:13px\">").Append(E(footnote)).Append("</p>");
        html.Append("<p style=\"color:#9ca3af;font-size:12px\">此邮件由科协审批系统自动发送，请勿直接回复。</p></div></body></html>");

        var text = new StringBuilder();
        text.Append(toName).Append("，您好：\n\n").Append(lead).Append("\n\n");
        foreach (var (label, value) in facts) text.Append(label).Append("：").Append(value).Append('\n');
        text.Append('\n');
        foreach (var button in buttons) text.Append(button.Label).Append("：").Append(button.Url).Append('\n');
        if (footnote is not null) text.Append('\n').Append(footnote).Append('\n');
        text.Append("\n此邮件由科协审批系统自动发送，请勿直接回复。\n");
        return new MailMessageText(toAddress, toName, subject, html.ToString(), text.ToString());
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
