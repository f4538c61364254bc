using System.Net;
using System.Net.Sockets;
using KxHome.Host.Identity;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Host;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Mail;

/// <summary>What the outbox does when the mail server says no: for good (5xx) or for now (unreachable).</summary>
public sealed class MailFailureTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static TestHost Host(int smtpPort)
    {
        var host = new TestHost();
        host.RestartWith(web => web.UseSetting("Mail:SmtpHost", MailDevServer.SmtpHost)
            .UseSetting("Mail:SmtpPort", smtpPort.ToString())
            .UseSetting("Mail:PollInterval", "00:00:00.100"));
        return host;
    }

    /// <summary>Waits until the probe finds something: the dispatcher works on its own, after the step's commit.</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what)
    {
        T? found = default;
        var seen = await TimerHost.EventuallyAsync(async () => (found = await probe()) is not null, Wait);
        seen.Should().BeTrue($"{what} should appear within {Wait.TotalSeconds} s");
        return found!;
    }

    [Fact]
    public async Task A_mail_the_server_refuses_for_good_is_not_tried_again_and_the_administrator_sees_the_answer()
    {
        await using var server = await MailDevServer.StartAsync("kxhome", "s3cret"); // the host does not sign in
        await using var host = Host(server.SmtpPort);

        await PortalPagesTests.StartCaseAsync(host);

        var refused = await UntilAsync(async () =>
        {
            await using var scope = host.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SentMails.AsNoTracking().FirstOrDefaultAsync(m => m.Refusal != null);
        }, "a refused mail");
        refused.Refusal.Should().MatchRegex("^5[0-9]{2} ");
        var engine = host.Factory.Services.GetRequiredService<WorkflowEngine>();
        // The dispatcher records the mail, then closes the notice: wait for both.
        (await TimerHost.EventuallyAsync(async () => (await engine.Queries.PendingNoticesAsync()).All(n => n.Id != refused.NoticeId), Wait))
            .Should().BeTrue("a refused notice is closed, not left pending");
        (await engine.Queries.RetryingNoticesAsync()).Should().BeEmpty("a refusal is final, unlike a failure");
        var admin = await PageClient.SignInAsync(host.Factory, "admin");
        var (_, desk) = await admin.GetAsync("/admin");
        desk.Should().Contain("被邮件服务器拒收，不再重试").And.Contain(WebUtility.HtmlEncode(refused.Refusal!));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_tried_again_later_and_the_administrator_sees_why()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closed = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var host = Host(closed);
        var engine = host.Factory.Services.GetRequiredService<WorkflowEngine>();

        await PortalPagesTests.StartCaseAsync(host);

        var failed = await UntilAsync(async () => (await engine.Queries.RetryingNoticesAsync()).FirstOrDefault(), "a failed notice");
        failed.Attempts.Should().Be(1);
        failed.LastError.Should().NotBeNullOrEmpty();
        var admin = await PageClient.SignInAsync(host.Factory, "admin");
        var (_, desk) = await admin.GetAsync("/admin");
        desk.Should().Contain("发送失败、等待重试").And.Contain("已尝试 1 次");

        ((VirtualClock)host.Factory.Services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromMinutes(1)); // the first back-off

        await UntilAsync(async () => (await engine.Queries.RetryingNoticesAsync()).FirstOrDefault(n => n.Id == failed.Id && n.Attempts == 2), "the second attempt");
        await using var scope = host.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().SentMails.CountAsync()).Should().Be(0);
    }
}
