using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace KxHome.Host.Hosting;

/// <summary>
/// Every problem+json says what went wrong in Chinese, title and detail: the framework's English defaults ("Not Found",
/// "One or more validation errors occurred.") and the sign-in's bare results ("LockedOut", "Failed") are put into words
/// people read; a problem with a title but no detail repeats the title.
/// </summary>
public static partial class ChineseProblems
{
    private static readonly Dictionary<string, (string Title, string Detail)> SignIn = new()
    {
        ["LockedOut"] = ("账号已暂时锁定", "登录失败次数过多，账号已暂时锁定，请稍后再试"),
        ["Failed"] = ("登录失败", "电子邮箱或密码不正确"),
        ["NotAllowed"] = ("不允许登录", "该账号暂不允许登录，请联系管理员"),
        ["RequiresTwoFactor"] = ("需要两步验证", "该账号需要两步验证后才能登录"),
    };

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is { } said && SignIn.TryGetValue(said, out var signIn))
        {
            (problem.Title, problem.Detail) = signIn;
            return;
        }
        if (problem.Title is null || !HasChinese(problem.Title)) problem.Title = ByStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
        if (problem.Detail is null || !HasChinese(problem.Detail)) problem.Detail = problem.Title;
    }

    private static string ByStatus(int status) => status switch
    {
        400 => "请求无效",
        401 => "请先登录",
        403 => "没有权限",
        404 => "不存在或无权查看",
        405 => "不支持此请求方法",
        409 => "与当前状态冲突，请刷新后重试",
        413 => "请求内容过大",
        415 => "请求内容的格式不受支持，请以 JSON 提交",
        422 => "内容无法处理",
        429 => "请求过于频繁，请稍后再试",
        >= 500 => "系统出错，请稍后再试",
        _ => "请求未能完成",
    };

    private static bool HasChinese(string text) => ChineseCharacter().IsMatch(text);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseCharacter();
}
