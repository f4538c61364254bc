using System.Net;
using System.Text.RegularExpressions;

namespace KxHome.Workflows.Tests.Support;

/// <summary>What the homes' page tests read and post: the rule table's figures, the add-event form, a form with photos.</summary>
public static partial class HomePages
{
    /// <summary>The add-event form's fields (30 participants, 3 enterprises served).</summary>
    public static Dictionary<string, string> EventFields(string title, DateOnly heldOn, string category, bool news)
    {
        var fields = new Dictionary<string, string>
        {
            ["Event.HeldOn"] = $"{heldOn:yyyy-MM-dd}", ["Event.Category"] = category, ["Event.Title"] = title, ["Event.Participants"] = "30",
            ["Event.EnterprisesServed"] = "3",
        };
        if (news) fields["Event.NewsReported"] = "true";
        return fields;
    }

    /// <summary>A rule's actual/required in the rule table, by its label.</summary>
    public static string Figure(string html, string label)
    {
        var match = Regex.Match(html, $"<td data-label=\"项目\">{Regex.Escape(label)}</td>\\s*<td data-label=\"实际/要求\">([^<]+)</td>");
        match.Success.Should().BeTrue($"the rule table has a row for {label}");
        return match.Groups[1].Value;
    }

    /// <summary>Posts a form with files as the add-event form does (photos), following the redirect.</summary>
    public static async Task<string> PostMultipartAsync(PageClient client, string pageUrl, string action, Dictionary<string, string> fields,
        params (string Name, byte[] Content)[] photos)
    {
        var (_, html) = await client.GetAsync(pageUrl);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        foreach (var (name, content) in photos) form.Add(new ByteArrayContent(content), "photos", name);
        var response = await client.Http.PostAsync(action, form);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (await client.GetAsync(response.Headers.Location!.ToString())).Html;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>A link to an event's photo on the home page.</summary>
    [GeneratedRegex("href=\"(/homes/[0-9a-f-]+/photo\\?[^\"]+)\"")]
    public static partial Regex PhotoLink();
}
