namespace KxHome.Workflows.Tests.Hostile;

internal static partial class Attacks
{
    /// <summary>Email sign-off links that were forged, altered, used before, or made for someone who may not act.</summary>
    private static IEnumerable<Attack> MailLinks()
    {
        yield return new Attack("a forged mail link", arena => Act(arena, "CfDJ8forged-token-made-up-by-hand"), "该链接无效");
        yield return new Attack("a mail link with its signature altered", async arena =>
        {
            var token = await arena.MailLinkAsync(arena.CanaryTask, "district");
            return await Act(arena, token[..^6] + (token[^6] == 'A' ? "BBBBBB" : "AAAAAA"));
        }, "该链接无效");
        yield return new Attack("a mail link replayed after it acted", async arena =>
        {
            var (_, review) = await arena.CaseAtReviewAsync("JD-REPLAY");
            var token = await arena.MailLinkAsync(review, "district");
            (await (await Act(arena, token)).Content.ReadAsStringAsync()).Should().Contain("办理完成", "the first use acts");
            return await Act(arena, token);
        }, "已经使用过");
        yield return new Attack("a mail link made out to a person of another district", async arena =>
            await Act(arena, await arena.MailLinkAsync(arena.CanaryTask, "district2")), "不是您的待办");
        yield return new Attack("a mail link made out to the applicant for the district's review", async arena =>
            await Act(arena, await arena.MailLinkAsync(arena.CanaryTask, "applicant")), "不是您的待办");
    }

    private static Task<HttpResponseMessage> Act(Arena arena, string token) =>
        arena.Anonymous.PostAsync("/mail/act", new FormUrlEncodedContent(new Dictionary<string, string> { ["t"] = token }));
}
