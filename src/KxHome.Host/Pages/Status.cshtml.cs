using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages;

/// <summary>
/// What a page answers when it refuses (its status code stays: 404 for what one may not see, 403 for what one may not
/// do): the site's layout, a sentence in Chinese and a way back, instead of the browser's own English error page.
/// </summary>
[IgnoreAntiforgeryToken] // a refused POST is shown through here too
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    // The code comes from the route, not from binding: binding a refused POST reads its form again, and a form that
    // could not be read the first time (a field over the size limit) fails again and would leave the code 0.
    public void OnPost() => OnGet();

    public void OnGet()
    {
        var code = int.Parse((string)RouteData.Values["code"]!, System.Globalization.CultureInfo.InvariantCulture);
        (Heading, Explanation) = code switch
        {
            404 => ("页面不存在", "您要找的页面不存在，或者您没有查看它的权限。"),
            403 => ("没有权限", "您没有执行此操作的权限。如需办理，请联系管理员。"),
            400 => ("请求无效", "请求无法处理：页面可能已过期，请刷新后重试。"),
            413 => ("内容过大", "提交的内容超过上限（单个文件 10 MB），请缩短或拆分后重试。"),
            _ when code >= 500 => ("系统出错", "系统暂时无法完成您的请求，请稍后再试；问题持续时请联系管理员。"),
            _ => ("无法完成请求", $"请求未能完成（状态码 {code}）。"),
        };
    }
}
