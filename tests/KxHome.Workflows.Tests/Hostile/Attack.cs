using System.Net;

namespace KxHome.Workflows.Tests.Hostile;

/// <summary>
/// One hostile input: what it sends, and what a clean answer looks like. By default that is a refusal: a 4xx whose body
/// says why in Chinese (problem+json under /api, a page elsewhere), containing <see cref="Says"/> when given.
/// <see cref="Check"/> replaces that for inputs that are accepted but made harmless (script typed into a field).
/// </summary>
internal sealed record Attack(string Name, Func<Arena, Task<HttpResponseMessage>> Send, string? Says = null)
{
    public Func<Arena, HttpResponseMessage, Task<string?>>? Check { get; init; }

    /// <summary>Null when the answer was clean, else what was wrong with it (a 5xx always is).</summary>
    public async Task<string?> JudgeAsync(Arena arena, HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 500) return $"answered {(int)response.StatusCode}";
        return Check is not null ? await Check(arena, response) : await RefusalProblemAsync(response, Says);
    }

    /// <summary>Null when the answer is a clear refusal (saying <paramref name="says"/> when given), else what it lacks.</summary>
    public static async Task<string?> RefusalProblemAsync(HttpResponseMessage response, string? says)
    {
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode < 400 && response.StatusCode != HttpStatusCode.OK) return $"answered {(int)response.StatusCode}, not a refusal";
        if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return "answered 200 outside a page";
        }
        if (response.StatusCode == HttpStatusCode.OK && says is null) return "answered 200 without a refusal to look for";
        if (response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/api", StringComparison.Ordinal)
            && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"answered {(int)response.StatusCode} without problem+json: {Cut(body)}";
        }
        if (!body.Any(IsChinese)) return $"answered {(int)response.StatusCode} without a Chinese reason: {Cut(body)}";
        if (says is not null && !body.Contains(says, StringComparison.Ordinal)) return $"answered {(int)response.StatusCode} without “{says}”: {Cut(body)}";
        return null;
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>The start of a body, and for a page its main part, to show in a failure.</summary>
    private static string Cut(string text)
    {
        if (text.Length <= 300) return text;
        var main = text.IndexOf("<main", StringComparison.Ordinal);
        return text[..300] + "…" + (main >= 0 ? text.Substring(main, Math.Min(600, text.Length - main)) : "");
    }

    public override string ToString() => Name;
}
