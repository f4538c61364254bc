using System.Net;
using System.Text.RegularExpressions;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Host;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Mail;

public sealed partial class TaskMailTests(MailDevServer mail) : IClassFixture<MailDevServer>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private TestHost NewHost(Action<IWebHostBuilder>? more = null)
    {
        var host = new TestHost();
        host.RestartWith(web =>
        {
            web.UseSetting("Mail:SmtpHost", MailDevServer.SmtpHost)
                .UseSetting("Mail:SmtpPort", mail.SmtpPort.ToString())
                .UseSetting("Mail:PollInterval", "00:00:00.100");
            more?.Invoke(web);
        });
        return host;
    }

    /// <summary>A certification case filed and pre-checked by the street (its form), waiting for the district, which is mailed.</summary>
    private static async Task<(Guid CaseId, Guid TaskId)> SubmittedCaseAsync(TestHost host)
    {
        var (applicant, caseId) = await PortalPagesTests.StartCaseAsync(host);
        var (_, page) = await applicant.GetAsync($"/cases/{caseId}");
        var taskId = Regex.Match(page, "name=\"taskId\" value=\"([^\"]+)\"").Groups[1].Value;
        await applicant.SubmitAsync($"/cases/{caseId}", $"/cases/{caseId}/submit",
            new() { ["taskId"] = taskId, ["FormData"] = PortalPagesTests.ValidApplication().ToJsonString() });
        var engine = host.Factory.Services.GetRequiredService<WorkflowEngine>();
        var street = await new HomeDriver(host).MeAsync("street");
        await engine.CompleteTaskAsync(await PortalPagesTests.OpenTaskIdAsync(host, caseId), street,
            new Dictionary<string, object?> { ["inCluster"] = true, ["approved"] = true, ["opinion"] = "同意上报" });
        return (caseId, await PortalPagesTests.OpenTaskIdAsync(host, caseId, "districtReview"));
    }

    private static string Link(ReceivedMail received, string label) =>
        new Uri(Regex.Match(received.Text!, $"{label}：(\\S+)").Groups[1].Value).PathAndQuery;

    [Fact]
    public async Task The_approver_is_mailed_and_the_approve_link_confirms_first_then_acts_once()
    {
        await using var host = NewHost();
        var (caseId, taskId) = await SubmittedCaseAsync(host);

        var received = await mail.WaitForMailAsync(m => m.To.Contains("district@kxhome.demo") && m.Subject.Contains("新的待办"), Wait);
        received.Subject.Should().Contain("科技工作者之家认定").And.Contain("区科协审核");
        received.Html.Should().Contain("张伟（嘉定区科协），您好").And.Contain("同意");
        var approve = Link(received, "同意");
        var reject = Link(received, "不同意");
        var browser = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var confirm = await browser.GetStringAsync(approve);
        confirm.Should().Contain("确认同意").And.Contain("区科协审核");
        var engine = host.Factory.Services.GetRequiredService<WorkflowEngine>();
        (await engine.Queries.GetTaskAsync(taskId)).State.Should().Be(UserTaskState.Open, "opening a link never acts");

        var token = WebUtility.UrlDecode(approve.Split("t=")[1]);
        var acted = await browser.PostAsync("/mail/act", new FormUrlEncodedContent(new Dictionary<string, string> { ["t"] = token }));
        (await acted.Content.ReadAsStringAsync()).Should().Contain("已同意，办理完成");
        var done = await engine.Queries.GetTaskAsync(taskId);
        done.State.Should().Be(UserTaskState.Completed);
        await PortalPagesTests.OpenTaskIdAsync(host, caseId, "siteVisit");

        var again = await browser.PostAsync("/mail/act", new FormUrlEncodedContent(new Dictionary<string, string> { ["t"] = token }));
        (await again.Content.ReadAsStringAsync()).Should().Contain("该链接已经使用过");
        (await browser.GetStringAsync(reject)).Should().Contain("该待办已经办理或已发生变化", "the other link of the mail is superseded");
        (await browser.GetStringAsync("/mail/act?t=" + Uri.EscapeDataString(token[..^4] + "AAAA"))).Should().Contain("该链接无效");
        await mail.WaitForMailAsync(m => m.To.Contains("expert@kxhome.demo") && m.Subject.Contains("专家实地考察"), Wait);
    }

    [Fact]
    public async Task A_reject_link_needs_a_reason_and_an_expired_link_says_so()
    {
        await using var host = NewHost(web => web.UseSetting("Clock:Mode", "Virtual"));
        var (caseId, taskId) = await SubmittedCaseAsync(host);
        var received = await mail.WaitForMailAsync(m => m.To.Contains("district@kxhome.demo") && m.Html!.Contains(taskId.ToString()), Wait);
        var browser = host.Factory.CreateClient();
        var reject = Link(received, "不同意");
        (await browser.GetStringAsync(reject)).Should().Contain("确认不同意").And.Contain("意见（必填）");
        var token = WebUtility.UrlDecode(reject.Split("t=")[1]);
        var noReason = await browser.PostAsync("/mail/act", new FormUrlEncodedContent(new Dictionary<string, string> { ["t"] = token }));
        (await noReason.Content.ReadAsStringAsync()).Should().Contain("请填写不同意的理由");

        ((VirtualClock)host.Factory.Services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromHours(73));

        (await browser.GetStringAsync(reject)).Should().Contain("该链接已过期");

        var engine = host.Factory.Services.GetRequiredService<WorkflowEngine>();
        (await engine.Queries.GetTaskAsync(taskId)).State.Should().Be(UserTaskState.Open);
        (await engine.Queries.GetInstanceAsync(caseId)).Status.Should().Be(InstanceStatus.Active);
    }

    [Fact]
    public async Task A_dispatch_asked_for_while_another_sends_returns_with_the_mail_sent()
    {
        // The host's own loop waits an hour between passes, so the two passes below are the only ones.
        await using var host = NewHost(web => web.UseSetting("Mail:PollInterval", "01:00:00"));
        await SubmittedCaseAsync(host);
        var district = await new HomeDriver(host).MeAsync("district");
        var dispatcher = host.Factory.Services.GetRequiredService<KxHome.Host.Mail.NoticeDispatcher>();

        var sending = dispatcher.DispatchOnceAsync(); // claims the district's notice and waits on the mail server
        await dispatcher.DispatchOnceAsync();

        var sent = await new HomeDriver(host).ReadAsync(db => db.SentMails.CountAsync(m => m.Recipient == district));
        sent.Should().Be(1, "the second pass waits for the first instead of passing over the notice it claimed");
        await sending;
        (await new HomeDriver(host).ReadAsync(db => db.SentMails.CountAsync(m => m.Recipient == district))).Should().Be(1);
    }
}
